package io.jcompose.engine.build.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: its position (0-based, what {@code COPY --from=0} names), its FROM, and the
 * instructions after it up to the next FROM.
 */
public record Stage(int index, Instruction.From from, List<Instruction> instructions) {
  public Stage {
    Objects.requireNonNull(from, "from");
    instructions = List.copyOf(instructions);
  }

  /** The name given with {@code FROM ... AS name} (lower-cased). */
  public Optional<String> name() {
    return from.stage();
  }

  /** Whether {@code reference} (a name, any case, or an index) names this stage. */
  public boolean isNamed(String reference) {
    return hasName(reference) || reference.equals(Integer.toString(index));
  }

  /** Whether the stage was named {@code name} (any case) with {@code AS}; FROM names only so. */
  public boolean hasName(String name) {
    return from.stageName() != null && from.stageName().equalsIgnoreCase(name);
  }
}

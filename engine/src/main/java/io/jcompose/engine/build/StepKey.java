package io.jcompose.engine.build;

import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a build step's result depends on, hashed: the image it starts from, the instruction with its
 * variables expanded (without its line, so moving it keeps the cache), and what else the step
 * reads: a COPY's content key, a RUN's environment and shell.
 */
record StepKey(String hex) {

  StepKey {
    Objects.requireNonNull(hex, "hex");
  }

  /**
   * @param parent the step's starting image; empty for a step on {@code FROM scratch}
   * @param extra what the step reads beyond its parent and instruction (sorted into the key)
   */
  static StepKey of(Optional<Digest> parent, Instruction expanded, Map<String, String> extra) {
    var text = new StringBuilder();
    text.append("parent=").append(parent.map(Digest::toString).orElse("scratch")).append('\n');
    text.append("instruction=").append(withoutLines(expanded.toString())).append('\n');
    new TreeMap<>(extra)
        .forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return new StepKey(Digest.of(text.toString().getBytes(StandardCharsets.UTF_8)).hex());
  }

  /** A record's text names its line ({@code Run[line=3, ...]}); the cache ignores where it is. */
  private static String withoutLines(String recordText) {
    return recordText.replaceAll("line=\\d+, ", "");
  }
}

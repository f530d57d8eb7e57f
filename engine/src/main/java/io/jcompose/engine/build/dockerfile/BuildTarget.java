package io.jcompose.engine.build.dockerfile;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which stages a build needs: the target and what it reaches through FROM and --from. */
public final class BuildTarget {

  private BuildTarget() {}

  /**
   * The stages needed to build {@code target} (a stage name, any case; null or empty for the last
   * stage), in Dockerfile order, the target last. A stage is needed when a needed stage starts
   * {@code FROM} it (by name), copies from it ({@code COPY --from=name} or {@code --from=index}),
   * or mounts it ({@code RUN --mount=from=name}); other {@code --from} values are images. FROM is
   * expanded with {@code global}, {@code --from} with the stage's own ARGs.
   *
   * @throws EngineFault.InvalidArgument when the target names no stage, or stages depend on each
   *     other in a circle
   */
  public static List<Stage> resolve(Dockerfile dockerfile, String target, Scope global) {
    Stage last = dockerfile.stages().get(dockerfile.stages().size() - 1);
    Stage wanted = last;
    if (target != null && !target.isEmpty()) {
      wanted =
          dockerfile.stages().stream()
              .filter(stage -> stage.hasName(target))
              .findFirst()
              .orElseThrow(
                  () ->
                      new EngineFault.InvalidArgument(
                          "target stage \""
                              + target
                              + "\" could not be found in the Dockerfile (stages: "
                              + names(dockerfile)
                              + ")"));
    }
    Map<Integer, Stage> needed = new TreeMap<>();
    visit(dockerfile, wanted, global, needed, new LinkedHashSet<>());
    return List.copyOf(needed.values());
  }

  /** The stages {@code stage} depends on directly, in the order it names them. */
  public static List<Stage> dependencies(Dockerfile dockerfile, Stage stage, Scope global) {
    Set<Stage> found = new LinkedHashSet<>();
    String base = global.expand(stage.from().line(), stage.from().image());
    dockerfile.stages().stream()
        .filter(other -> other.index() < stage.index() && other.hasName(base))
        .findFirst()
        .ifPresent(found::add);
    Scope scope = global.stage(Map.of());
    for (Instruction instruction : stage.instructions()) {
      scope = scope.with(instruction);
      for (String source : sources(instruction)) {
        dockerfile.stage(scope.expand(instruction.line(), source)).ifPresent(found::add);
      }
    }
    return new ArrayList<>(found);
  }

  private static void visit(
      Dockerfile dockerfile,
      Stage stage,
      Scope global,
      Map<Integer, Stage> needed,
      Set<Integer> path) {
    if (!path.add(stage.index())) {
      throw new EngineFault.InvalidArgument(
          "circular dependency detected on stage: " + label(stage));
    }
    if (needed.putIfAbsent(stage.index(), stage) == null) {
      for (Stage dependency : dependencies(dockerfile, stage, global)) {
        visit(dockerfile, dependency, global, needed, path);
      }
    }
    path.remove(stage.index());
  }

  private static List<String> sources(Instruction instruction) {
    if (instruction instanceof Instruction.Copy copy) {
      return copy.options().source().map(List::of).orElse(List.of());
    }
    if (instruction instanceof Instruction.Run run) {
      List<String> sources = new ArrayList<>();
      for (Flag flag : run.flags()) {
        mountSource(flag).ifPresent(sources::add);
      }
      return sources;
    }
    return List.of();
  }

  private static Optional<String> mountSource(Flag flag) {
    if (!flag.name().equals("mount") || flag.value() == null) {
      return Optional.empty();
    }
    for (String field : flag.value().split(",")) {
      if (field.startsWith("from=")) {
        return Optional.of(field.substring("from=".length()));
      }
    }
    return Optional.empty();
  }

  private static String label(Stage stage) {
    return stage.name().orElse(Integer.toString(stage.index()));
  }

  private static String names(Dockerfile dockerfile) {
    Set<String> names = new TreeSet<>();
    dockerfile.stages().forEach(stage -> stage.name().ifPresent(names::add));
    return names.isEmpty() ? "none named" : String.join(", ", names);
  }
}

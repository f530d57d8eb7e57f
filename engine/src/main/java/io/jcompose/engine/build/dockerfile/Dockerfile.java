package io.jcompose.engine.build.dockerfile;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: its parser directives, the ARGs declared before the first FROM (the global
 * scope, the only variables FROM may use), and its stages in order.
 */
public record Dockerfile(
    Directives directives, List<Instruction.Arg> globalArgs, List<Stage> stages) {
  public Dockerfile {
    Objects.requireNonNull(directives, "directives");
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
  }

  /**
   * Parses a Dockerfile's text: directives, comments, continuations, every instruction into its
   * {@link Instruction} record, grouped into stages by FROM. Variables are not expanded here (see
   * {@link Scope}).
   *
   * @throws EngineFault.InvalidArgument naming {@code Dockerfile:LINE} and what is wrong: an
   *     unknown instruction, missing arguments, a bad flag, an instruction before the first FROM
   *     other than ARG, no FROM at all, or a stage name used twice
   */
  public static Dockerfile parse(String text) {
    LineReader.Result read = LineReader.read(text);
    InstructionParser parser = new InstructionParser(read.directives().escape());
    List<Instruction.Arg> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Map<String, Integer> stageLines = new HashMap<>();
    Instruction.From from = null;
    List<Instruction> body = new ArrayList<>();
    for (LogicalLine line : read.lines()) {
      Instruction instruction = parser.parse(line);
      if (instruction instanceof Instruction.From) {
        if (from != null) {
          stages.add(new Stage(stages.size(), from, body));
          body = new ArrayList<>();
        }
        from = (Instruction.From) instruction;
        if (from.stageName() != null) {
          Integer earlier = stageLines.putIfAbsent(from.stageName(), from.line());
          if (earlier != null) {
            throw DockerfileError.at(
                from.line(),
                "duplicate stage name \""
                    + from.stageName()
                    + "\" (first used on line "
                    + earlier
                    + "); stage names must be unique");
          }
        }
      } else if (from != null) {
        body.add(instruction);
      } else if (instruction instanceof Instruction.Arg) {
        globalArgs.add((Instruction.Arg) instruction);
      } else {
        throw DockerfileError.at(
            instruction.line(),
            "no FROM before this instruction; a Dockerfile must start with FROM (only ARG may"
                + " come before it)");
      }
    }
    if (from == null) {
      throw new EngineFault.InvalidArgument(
          DockerfileError.FILE + ": file with no instructions or no FROM; add FROM image");
    }
    stages.add(new Stage(stages.size(), from, body));
    return new Dockerfile(read.directives(), globalArgs, stages);
  }

  /**
   * The stage a {@code COPY --from}, {@code FROM} or build target names: a stage name (any case) or
   * a stage index. Empty when nothing matches, which for {@code --from} and {@code FROM} means an
   * image reference.
   */
  public Optional<Stage> stage(String nameOrIndex) {
    return stages.stream().filter(stage -> stage.isNamed(nameOrIndex)).findFirst();
  }
}

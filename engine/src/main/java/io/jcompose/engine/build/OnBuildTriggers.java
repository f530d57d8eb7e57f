package io.jcompose.engine.build;

import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.fault.EngineFault;
import java.util.List;

/** Reads the ONBUILD triggers an image carries ({@code RUN echo hi}) back into instructions. */
final class OnBuildTriggers {

  private OnBuildTriggers() {}

  /**
   * @throws EngineFault.InvalidArgument naming the trigger when it is not one instruction, or is
   *     FROM, ONBUILD or MAINTAINER (which docker refuses as triggers)
   */
  static Instruction parse(String trigger) {
    List<Instruction> parsed;
    try {
      parsed = Dockerfile.parse("FROM scratch\n" + trigger + "\n").stages().get(0).instructions();
    } catch (EngineFault.InvalidArgument e) {
      throw new EngineFault.InvalidArgument(
          "the base image's ONBUILD trigger \"" + trigger + "\" is invalid: " + e.getMessage());
    }
    if (parsed.size() != 1
        || parsed.get(0) instanceof Instruction.OnBuild
        || parsed.get(0) instanceof Instruction.Maintainer) {
      throw new EngineFault.InvalidArgument(
          "the base image's ONBUILD trigger \"" + trigger + "\" is not one allowed instruction");
    }
    return parsed.get(0);
  }
}

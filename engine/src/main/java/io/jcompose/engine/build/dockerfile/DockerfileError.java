package io.jcompose.engine.build.dockerfile;

import io.jcompose.engine.fault.EngineFault;

/** Builds the fault for a mistake in a Dockerfile; the HTTP layer answers it with 400. */
final class DockerfileError {

  static final String FILE = "Dockerfile";

  private DockerfileError() {}

  /** A mistake on one line: {@code Dockerfile:12: unknown instruction: FOO}. */
  static EngineFault.InvalidArgument at(int line, String problem) {
    return new EngineFault.InvalidArgument(FILE + ":" + line + ": " + problem);
  }
}

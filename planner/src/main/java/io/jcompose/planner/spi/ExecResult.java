package io.jcompose.planner.spi;

import java.util.Objects;

public record ExecResult(int exitCode, String stdout, String stderr) {

  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }
}

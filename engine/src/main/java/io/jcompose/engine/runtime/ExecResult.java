package io.jcompose.engine.runtime;

import java.util.Objects;

/**
 * What an exec printed and how it ended.
 *
 * @param exitCode the process's status as Docker reports it: 126 when the command could not be run,
 *     127 when it was not found, 128 + n when signal n killed it (137 after a timeout)
 * @param stdout its standard output (UTF-8, at most {@link RuncExec#OUTPUT_LIMIT} bytes kept)
 * @param stderr its standard error, likewise; runc's own error when it could not start
 * @param timedOut it ran longer than its timeout and was killed
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }
}

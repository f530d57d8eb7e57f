package io.jcompose.cli;

/** The process exit codes of DESIGN.md §6. */
public final class ExitCode {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int INVALID_PROJECT = 3;
  public static final int NO_ENDPOINT = 4;
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}

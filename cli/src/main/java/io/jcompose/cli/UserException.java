package io.jcompose.cli;

/**
 * A mistake of the user's (a missing service, an unwritable output file): printed as one line,
 * without a stack trace unless {@code --debug}, and mapped to {@link #exitCode()}.
 */
public class UserException extends RuntimeException {

  private final int exitCode;

  public UserException(String message) {
    this(message, ExitCode.FAILURE, null);
  }

  public UserException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** A failure whose message the command has printed already; only the exit code is left. */
  public static final class Reported extends UserException {
    public Reported(int exitCode) {
      super("(reported)", exitCode, null);
    }
  }
}

package io.jcompose.model.dotenv;

/** A line of an env file that cannot be parsed; knows the file, line and column. */
public final class DotEnvException extends Exception {

  private final String fileName;
  private final int line;
  private final int column;

  public DotEnvException(String fileName, int line, int column, String message) {
    super(message);
    this.fileName = fileName;
    this.line = line;
    this.column = column;
  }

  public String fileName() {
    return fileName;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}

package io.jcompose.engine.logs;

/** The container stream a log record came from. */
public enum LogStream {
  STDOUT,
  STDERR
}

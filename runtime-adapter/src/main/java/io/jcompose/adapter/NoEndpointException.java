package io.jcompose.adapter;

/** Placeholder until the adapter lands. */
public final class NoEndpointException extends RuntimeException {
  public NoEndpointException(String message) {
    super(message);
  }
}

package io.jcompose.adapter;

/** Endpoint discovery found nothing usable; the message says what was tried and what to do. */
public final class NoEndpointException extends RuntimeException {

  public NoEndpointException(String message) {
    super(message);
  }

  public NoEndpointException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.jcompose.engine.http;

import java.io.IOException;

/** The client closed the connection; whatever was being written to it can stop. */
public final class ClientGoneException extends IOException {
  public ClientGoneException() {
    super("the client closed the connection");
  }
}

package io.jcompose.engine.http;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the body of a {@link Response#stream}; every write is flushed to the client. */
@FunctionalInterface
public interface StreamProducer {

  /**
   * Runs after the headers went out; returning ends the stream. {@code out} throws {@link
   * ClientGoneException} once the client has hung up.
   */
  void produce(OutputStream out) throws IOException, InterruptedException;
}

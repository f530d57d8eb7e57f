package io.jcompose.engine.http;

import java.io.IOException;

/** Writes the objects of a {@link Response#jsonLines} or {@link Response#progress} stream. */
@FunctionalInterface
public interface JsonLinesProducer {

  /**
   * Runs after the headers went out; returning ends the stream. Throws {@link ClientGoneException}
   * from {@code out} once the client has hung up.
   */
  void produce(JsonLines out) throws IOException, InterruptedException;

  /** Where the objects go. */
  interface JsonLines {
    /** Serializes {@code item} with the shared mapper, ends the line and flushes it. */
    void write(Object item) throws IOException;
  }
}

package io.jcompose.planner.spi;

/**
 * A running stream (logs, events). Closing it stops the stream; {@link #await()} returns when the
 * stream ends by itself (a followed container stopped) or was closed.
 */
public interface Subscription extends AutoCloseable {

  void await() throws InterruptedException;

  @Override
  void close();
}

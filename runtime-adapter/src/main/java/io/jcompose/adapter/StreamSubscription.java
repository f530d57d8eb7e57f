package io.jcompose.adapter;

import io.jcompose.planner.spi.Subscription;

/**
 * A {@link Subscription} over a docker-java stream: {@link #await()} returns when the daemon ends
 * the stream or the subscription is closed, and throws the stream's error mapped to a fault unless
 * it was closed.
 */
final class StreamSubscription implements Subscription {

  private final StreamCallback<?> callback;
  private final Faults faults;

  StreamSubscription(StreamCallback<?> callback, Faults faults) {
    this.callback = callback;
    this.faults = faults;
  }

  @Override
  public void await() throws InterruptedException {
    try {
      callback.awaitCompletion();
    } catch (RuntimeException failure) {
      if (!callback.cancelled()) {
        throw faults.map(failure);
      }
    }
  }

  @Override
  public void close() {
    callback.cancel();
  }
}

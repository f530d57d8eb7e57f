package io.jcompose.adapter;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;

/**
 * A docker-java stream callback that can be cancelled at any time, even before the response arrived
 * (docker-java's own close before {@code onStart} is forgotten when the stream starts), and that
 * hands items to {@link #deliver} only until it is cancelled. Runs on docker-java's thread.
 */
abstract class StreamCallback<T> extends ResultCallback.Adapter<T> {

  private volatile boolean cancelled;

  /** One item of the stream. */
  protected abstract void deliver(T item);

  /** The stream ended (by itself or with an error): flush what is buffered. */
  protected void finish() {}

  @Override
  public void onStart(Closeable stream) {
    super.onStart(stream);
    if (cancelled) {
      closeQuietly(stream);
    }
  }

  @Override
  public void onNext(T item) {
    if (!cancelled) {
      deliver(item);
    }
  }

  @Override
  public void onComplete() {
    if (!cancelled) {
      finish();
    }
    super.onComplete();
  }

  @Override
  public void onError(Throwable failure) {
    if (!cancelled) {
      finish();
    }
    super.onError(failure);
  }

  /** Stops the stream; what arrives afterwards is dropped. */
  void cancel() {
    cancelled = true;
    closeQuietly(this);
  }

  boolean cancelled() {
    return cancelled;
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException ignored) {
      // closing a stream that failed already
    }
  }
}

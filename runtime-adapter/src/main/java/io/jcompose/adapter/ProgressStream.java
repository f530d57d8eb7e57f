package io.jcompose.adapter;

import com.github.dockerjava.api.command.AsyncDockerCmd;
import com.github.dockerjava.api.model.ResponseItem;
import io.jcompose.planner.spi.ImageProgress;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull or build progress stream: each item becomes an {@link ImageProgress}; the first {@code
 * error}/{@code errorDetail} item is kept as the failure, and a build's image ID is caught from
 * {@code aux.ID} or the classic builder's {@code Successfully built} line.
 */
final class ProgressStream<T extends ResponseItem> extends StreamCallback<T> {

  private static final Pattern SUCCESSFULLY_BUILT =
      Pattern.compile("Successfully built ([0-9a-f]+)");

  private final Consumer<ImageProgress> progress;
  private volatile String failure;
  private volatile String imageId;

  ProgressStream(Consumer<ImageProgress> progress) {
    this.progress = progress;
  }

  /**
   * Runs a pull or build with this stream as its callback and waits for its end; an interrupt
   * cancels it, a client error becomes the runtime's fault.
   */
  ProgressStream<T> runAndAwait(AsyncDockerCmd<?, T> command, Faults faults)
      throws InterruptedException {
    try {
      command.exec(this);
      awaitCompletion();
    } catch (InterruptedException interrupted) {
      cancel();
      throw interrupted;
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
    return this;
  }

  @Override
  protected void deliver(T item) {
    String error =
        item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
            ? item.getErrorDetail().getMessage()
            : item.getError();
    if (error != null) {
      if (failure == null) {
        failure = error.trim();
      }
      return;
    }
    if (item.getAux() != null && item.getAux().getRawValues().get("ID") instanceof String id) {
      imageId = id;
    }
    String text = item.getStatus() != null ? item.getStatus() : item.getStream();
    if (text == null || text.isBlank()) {
      return;
    }
    if (item.getStream() != null) {
      Matcher built = SUCCESSFULLY_BUILT.matcher(item.getStream());
      if (built.find() && imageId == null) {
        imageId = built.group(1);
      }
    }
    var detail = item.getProgressDetail();
    long current = detail != null && detail.getCurrent() != null ? detail.getCurrent() : -1;
    long total = detail != null && detail.getTotal() != null ? detail.getTotal() : -1;
    progress.accept(
        new ImageProgress(item.getId() == null ? "" : item.getId(), text.strip(), current, total));
  }

  /** The daemon's error message, if the stream carried one. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The built image's ID ({@code sha256:...}) or short ID, if the stream named it. */
  Optional<String> imageId() {
    return Optional.ofNullable(imageId);
  }
}

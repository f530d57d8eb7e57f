package io.jcompose.cli.command;

import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.render.progress.Mode;
import io.jcompose.cli.render.progress.ProgressRenderer;
import io.jcompose.cli.render.progress.ProgressRenderers;
import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;

/**
 * The progress renderer the global options ask for ({@code --progress}, {@code --ansi}), on
 * standard error. {@link #finish} draws the last frame of one stretch of work (before logs are
 * attached, say); events after it start a fresh renderer, as the stop after a Ctrl-C does.
 */
final class Progress implements EventSink, AutoCloseable {

  private final JcomposeCommand global;
  private ProgressRenderer renderer;
  private volatile boolean quietPulls;
  private volatile boolean quiet;

  private Progress(JcomposeCommand global) {
    this.global = global;
  }

  static Progress create(JcomposeCommand global) {
    return new Progress(global);
  }

  @Override
  public void accept(ProgressEvent event) {
    if (quietPulls && event instanceof ProgressEvent.Image) {
      return;
    }
    if (quiet && !(event instanceof ProgressEvent.Warning)) {
      return;
    }
    current().accept(event);
  }

  /** {@code --quiet-pull}: no layer progress (the pull's own start and end still show). */
  void quietPulls() {
    quietPulls = true;
  }

  /** {@code -q}: nothing but warnings (failures reach the user as the command's error). */
  void quiet() {
    quiet = true;
  }

  private synchronized ProgressRenderer current() {
    if (renderer == null) {
      renderer =
          ProgressRenderers.create(
              Mode.parse(global.progress().name()),
              LogColors.enabled(global),
              global.context().err(),
              global.context().terminal());
    }
    return renderer;
  }

  /** Draws the last frame of what was shown so far. */
  synchronized void finish() {
    if (renderer != null) {
      renderer.close();
      renderer = null;
    }
  }

  @Override
  public void close() {
    finish();
  }
}

package io.jcompose.cli.render.progress;

import io.jcompose.planner.event.EventSink;

/**
 * Shows the planner's progress events on standard error. Thread-safe: the executor reports from
 * many threads. {@link #close()} draws the final state, stops any refresh thread and flushes;
 * events after it are ignored.
 */
public interface ProgressRenderer extends EventSink, AutoCloseable {

  @Override
  void close();
}

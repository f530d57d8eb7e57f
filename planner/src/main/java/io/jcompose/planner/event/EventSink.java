package io.jcompose.planner.event;

/** Where progress goes. Called from the executor's threads; implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {

  EventSink DISCARD = event -> {};

  void accept(ProgressEvent event);
}

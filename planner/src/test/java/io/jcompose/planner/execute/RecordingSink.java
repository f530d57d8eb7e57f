package io.jcompose.planner.execute;

import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps every event, in order, and lets a test react to one as it arrives. Thread-safe. */
final class RecordingSink implements EventSink {

  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private volatile Consumer<ProgressEvent> reaction = event -> {};

  void onEvent(Consumer<ProgressEvent> reaction) {
    this.reaction = reaction;
  }

  @Override
  public void accept(ProgressEvent event) {
    events.add(event);
    reaction.accept(event);
  }

  List<ProgressEvent> events() {
    return List.copyOf(events);
  }

  <T extends ProgressEvent> List<T> events(Class<T> kind) {
    var found = new ArrayList<T>();
    for (ProgressEvent event : events) {
      if (kind.isInstance(event)) {
        found.add(kind.cast(event));
      }
    }
    return found;
  }

  /** The events as short lines: {@code Started #1}, {@code Skipped #3: interrupted}. */
  List<String> lines() {
    var lines = new ArrayList<String>();
    for (ProgressEvent event : events) {
      lines.add(line(event));
    }
    return lines;
  }

  private static String line(ProgressEvent event) {
    if (event instanceof ProgressEvent.Started started) {
      return "Started #" + started.node().id();
    } else if (event instanceof ProgressEvent.Finished finished) {
      return "Finished #" + finished.node().id();
    } else if (event instanceof ProgressEvent.Failed failed) {
      return "Failed #" + failed.node().id() + ": " + failed.message();
    } else if (event instanceof ProgressEvent.Skipped skipped) {
      return "Skipped #" + skipped.node().id() + ": " + skipped.reason();
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      return "Waiting #" + waiting.node().id() + ": " + waiting.state();
    } else if (event instanceof ProgressEvent.Image image) {
      return "Image #" + image.node().id() + ": " + image.progress().status();
    } else if (event instanceof ProgressEvent.Warning warning) {
      return "Warning: " + warning.message();
    } else {
      throw new IllegalStateException("unknown event " + event);
    }
  }
}

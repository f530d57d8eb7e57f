package io.jcompose.cli.command;

import io.jcompose.cli.JcomposeCommand;
import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;
import java.io.PrintWriter;

/** The progress renderer the global options ask for (temporary: plain lines). */
final class Progress implements EventSink, AutoCloseable {

  private final PrintWriter err;
  private final boolean quiet;

  private Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  static Progress create(JcomposeCommand global) {
    return new Progress(
        global.context().err(), global.progress() == JcomposeCommand.Progress.quiet);
  }

  @Override
  public synchronized void accept(ProgressEvent event) {
    if (quiet && !(event instanceof ProgressEvent.Failed)) {
      return;
    }
    String line = null;
    if (event instanceof ProgressEvent.Started started) {
      line = started.node().operation().resource() + " " + started.node().operation().action();
    } else if (event instanceof ProgressEvent.Finished finished) {
      line = finished.node().operation().resource() + " done";
    } else if (event instanceof ProgressEvent.Failed failed) {
      line = failed.node().operation().resource() + " error: " + failed.message();
    } else if (event instanceof ProgressEvent.Skipped skipped) {
      line = skipped.node().operation().resource() + " skipped: " + skipped.reason();
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      line = waiting.node().operation().resource() + " waiting: " + waiting.state();
    } else if (event instanceof ProgressEvent.ServiceWaiting waiting) {
      line = waiting.serviceName() + " waiting: " + waiting.state();
    } else if (event instanceof ProgressEvent.Warning warning) {
      line = "warning: " + warning.message();
    }
    if (line != null) {
      err.println(" " + line);
      err.flush();
    }
  }

  @Override
  public synchronized void close() {
    err.flush();
  }
}

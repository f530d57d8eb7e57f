package io.jcompose.cli.render.progress;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.spi.ImageProgress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --progress plain}: one line per event, docker compose's wording, no control characters.
 *
 * <pre>
 *  Network demo_default  Creating
 *  Network demo_default  Created
 *  Image busybox  Pulling
 *  Image busybox  a1b2c3d4e5f6 Pulling fs layer
 *  Container demo-db-1  Waiting
 *  Container demo-db-1  Waiting (container demo-db-1 is running, health: starting)
 *  Container demo-db-1  Healthy
 *  Container demo-web-1  Error container demo-web-1: start failed: port is already allocated
 *  Container demo-web-1  Skipped: an earlier step failed: ...
 * WARN[0002] network demo_default is still in use
 * </pre>
 *
 * A wait's state and an image layer's status print when they change, not at every poll or byte.
 * With {@code errorsOnly} ({@code --progress quiet}) only the failure lines print.
 */
final class PlainRenderer implements ProgressRenderer {

  private final PrintWriter err;
  private final Clock clock;
  private final boolean errorsOnly;
  private final Instant began;
  private final ResourceWords words = new ResourceWords();
  private final Map<String, String> lastStates = new HashMap<>();
  private boolean closed;

  PlainRenderer(PrintWriter err, Clock clock, boolean errorsOnly) {
    this.err = err;
    this.clock = clock;
    this.errorsOnly = errorsOnly;
    this.began = clock.instant();
  }

  @Override
  public synchronized void accept(ProgressEvent event) {
    if (closed) {
      return;
    }
    String line = line(event);
    if (line != null) {
      err.print(line + "\n");
      err.flush();
    }
  }

  /** The event's line, or null when it prints nothing. */
  private String line(ProgressEvent event) {
    if (event instanceof ProgressEvent.Failed failed) {
      return resource(failed.node()) + "Error " + failed.message();
    }
    if (errorsOnly) {
      return null;
    }
    if (event instanceof ProgressEvent.Started started) {
      words.learn(started.node().operation());
      return resource(started.node()) + ResourceWords.working(started.node().operation());
    } else if (event instanceof ProgressEvent.Finished finished) {
      return resource(finished.node()) + ResourceWords.done(finished.node().operation());
    } else if (event instanceof ProgressEvent.Skipped skipped) {
      return resource(skipped.node()) + "Skipped: " + skipped.reason();
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      return changed("node " + waiting.node().id(), waiting.state())
          ? resource(waiting.node()) + "Waiting (" + waiting.state() + ")"
          : null;
    } else if (event instanceof ProgressEvent.ServiceWaiting waiting) {
      return changed("service " + waiting.serviceName(), waiting.state())
          ? " Service " + waiting.serviceName() + "  Waiting (" + waiting.state() + ")"
          : null;
    } else if (event instanceof ProgressEvent.ServiceReady ready) {
      lastStates.remove("service " + ready.serviceName());
      return " Service " + ready.serviceName() + "  Ready";
    } else if (event instanceof ProgressEvent.Image image) {
      ImageProgress progress = image.progress();
      if (!changed("image " + image.node().id() + " " + progress.id(), progress.status())) {
        return null;
      }
      String layer = progress.id().isEmpty() ? "" : progress.id() + " ";
      return resource(image.node()) + layer + progress.status();
    } else {
      ProgressEvent.Warning warning = (ProgressEvent.Warning) event;
      return warningPrefix() + warning.message();
    }
  }

  private String resource(PlanNode node) {
    return " " + words.label(node.operation()) + "  ";
  }

  private boolean changed(String key, String state) {
    return !state.equals(lastStates.put(key, state));
  }

  /** logrus's level and seconds since the start, as docker compose prints its warnings. */
  private String warningPrefix() {
    long seconds = Math.max(0, Duration.between(began, clock.instant()).toSeconds());
    return String.format(Locale.ROOT, "WARN[%04d] ", seconds);
  }

  @Override
  public synchronized void close() {
    closed = true;
    err.flush();
  }
}

package io.jcompose.cli.render.progress;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.spi.ImageProgress;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * {@code --progress json}: one JSON object per event and line, for machines. Fields, in this order,
 * absent where they do not apply:
 *
 * <ul>
 *   <li>{@code time}: when the event was rendered, RFC 3339 in UTC ({@code
 *       2025-01-01T00:00:00.123Z})
 *   <li>{@code event}: {@code started}, {@code finished}, {@code failed}, {@code skipped}, {@code
 *       waiting}, {@code image}, {@code service_waiting} or {@code warning}
 *   <li>{@code node}: the plan node's number
 *   <li>{@code id}: the resource as the plain view names it ({@code Container demo-web-1}, {@code
 *       Service web} for {@code service_waiting})
 *   <li>{@code status}: the plain view's word ({@code Creating}, {@code Created}, {@code Error},
 *       {@code Skipped}, {@code Waiting}, {@code Warning}) or the image layer's status ({@code
 *       Downloading})
 *   <li>{@code text}: the failure's message, the skip's reason, the wait's state, the warning, or
 *       what the operation does ({@code create}, {@code stop, kill after 10s})
 *   <li>{@code elapsed_ms}: how long a finished node took
 *   <li>{@code layer}, {@code current}, {@code total}: the image progress's layer and bytes (-1
 *       when unknown)
 * </ul>
 *
 * <pre>
 * {"time":"2025-01-01T00:00:00Z","event":"finished","node":3,"id":"Container demo-web-1","status":"Created","text":"create","elapsed_ms":412}
 * </pre>
 *
 * Every image progress report gets its line, bytes included.
 */
final class JsonRenderer implements ProgressRenderer {

  private final PrintWriter err;
  private final Clock clock;
  private final ResourceWords words = new ResourceWords();
  private boolean closed;

  JsonRenderer(PrintWriter err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  @Override
  public synchronized void accept(ProgressEvent event) {
    if (closed) {
      return;
    }
    err.print(line(event) + "\n");
    err.flush();
  }

  private String line(ProgressEvent event) {
    var json = new JsonLine().field("time", clock.instant().toString());
    if (event instanceof ProgressEvent.Started started) {
      words.learn(started.node().operation());
      node(json, "started", started.node(), ResourceWords.working(started.node().operation()))
          .field("text", started.node().operation().action());
    } else if (event instanceof ProgressEvent.Finished finished) {
      node(json, "finished", finished.node(), ResourceWords.done(finished.node().operation()))
          .field("text", finished.node().operation().action())
          .field("elapsed_ms", finished.elapsed().toMillis());
    } else if (event instanceof ProgressEvent.Failed failed) {
      node(json, "failed", failed.node(), "Error").field("text", failed.message());
    } else if (event instanceof ProgressEvent.Skipped skipped) {
      node(json, "skipped", skipped.node(), "Skipped").field("text", skipped.reason());
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      node(json, "waiting", waiting.node(), "Waiting").field("text", waiting.state());
    } else if (event instanceof ProgressEvent.ServiceWaiting waiting) {
      json.field("event", "service_waiting")
          .field("id", "Service " + waiting.serviceName())
          .field("status", "Waiting")
          .field("text", waiting.state());
    } else if (event instanceof ProgressEvent.ServiceReady ready) {
      json.field("event", "service_ready")
          .field("id", "Service " + ready.serviceName())
          .field("status", "Ready");
    } else if (event instanceof ProgressEvent.Image image) {
      ImageProgress progress = image.progress();
      node(json, "image", image.node(), progress.status())
          .field("layer", progress.id())
          .field("current", progress.current())
          .field("total", progress.total());
    } else {
      ProgressEvent.Warning warning = (ProgressEvent.Warning) event;
      json.field("event", "warning").field("status", "Warning").field("text", warning.message());
    }
    return json.toString();
  }

  private JsonLine node(JsonLine json, String kind, PlanNode node, String status) {
    return json.field("event", kind)
        .field("node", node.id())
        .field("id", words.label(node.operation()))
        .field("status", status);
  }

  @Override
  public synchronized void close() {
    closed = true;
    err.flush();
  }
}

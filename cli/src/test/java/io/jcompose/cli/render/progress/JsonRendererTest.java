package io.jcompose.cli.render.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.schema.json.JsonText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

  private final StringWriter err = new StringWriter();

  private ProgressRenderer renderer() {
    return ProgressRenderers.create(
        Mode.JSON,
        true,
        new PrintWriter(err),
        true,
        Nodes.ticking(Duration.ofMillis(250)),
        ProgressRenderers.REFRESH);
  }

  @Test
  void json_writesOneObjectPerEvent() {
    try (ProgressRenderer renderer = renderer()) {
      renderer.accept(new ProgressEvent.Started(Nodes.STOP_WEB));
      renderer.accept(new ProgressEvent.Finished(Nodes.STOP_WEB, Duration.ofMillis(412)));
      renderer.accept(new ProgressEvent.Failed(Nodes.START_WEB, "port is already allocated"));
      renderer.accept(new ProgressEvent.Skipped(Nodes.REMOVE_IMAGE, "an earlier step failed"));
      renderer.accept(new ProgressEvent.Waiting(Nodes.WAIT_DB, "health: starting"));
      renderer.accept(new ProgressEvent.ServiceWaiting("web", "created"));
      renderer.accept(
          new ProgressEvent.Image(
              Nodes.PULL, new ImageProgress("a1b2c3", "Downloading", 1200, 3000)));
      renderer.accept(new ProgressEvent.Warning("careful"));
    }

    assertThat(err.toString())
        .isEqualTo(
            """
            {"time":"2025-01-01T00:00:00Z","event":"started","node":10,"id":"Container demo-web-1","status":"Stopping","text":"stop, kill after 10s"}
            {"time":"2025-01-01T00:00:00.250Z","event":"finished","node":10,"id":"Container demo-web-1","status":"Stopped","text":"stop, kill after 10s","elapsed_ms":412}
            {"time":"2025-01-01T00:00:00.500Z","event":"failed","node":9,"id":"Container demo-web-1","status":"Error","text":"port is already allocated"}
            {"time":"2025-01-01T00:00:00.750Z","event":"skipped","node":15,"id":"Image demo-web","status":"Skipped","text":"an earlier step failed"}
            {"time":"2025-01-01T00:00:01Z","event":"waiting","node":7,"id":"Service db","status":"Waiting","text":"health: starting"}
            {"time":"2025-01-01T00:00:01.250Z","event":"service_waiting","id":"Service web","status":"Waiting","text":"created"}
            {"time":"2025-01-01T00:00:01.500Z","event":"image","node":3,"id":"Image postgres:16","status":"Downloading","layer":"a1b2c3","current":1200,"total":3000}
            {"time":"2025-01-01T00:00:01.750Z","event":"warning","status":"Warning","text":"careful"}
            """);
  }

  @Test
  void json_escapesQuotesBackslashesAndControlCharacters() {
    String message = "bad \"name\" in C:\\dir\n\ttab \u0001";
    try (ProgressRenderer renderer = renderer()) {
      renderer.accept(new ProgressEvent.Warning(message));
    }

    String line = err.toString();
    assertThat(line).endsWith("\n").doesNotContain("\t").hasLineCount(1);
    assertThat(line).contains("\\u0001");
    @SuppressWarnings("unchecked")
    var parsed = (Map<String, Object>) JsonText.parse(line.strip());
    assertThat(parsed).containsEntry("text", message).containsEntry("event", "warning");
  }
}

package io.jcompose.cli.render.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.spi.ImageProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlainRendererTest {

  private final StringWriter err = new StringWriter();

  private ProgressRenderer renderer(Mode mode, Clock clock) {
    return ProgressRenderers.create(
        mode, true, new PrintWriter(err), false, clock, ProgressRenderers.REFRESH);
  }

  private static ProgressEvent started(PlanNode node) {
    return new ProgressEvent.Started(node);
  }

  private static ProgressEvent finished(PlanNode node) {
    return new ProgressEvent.Finished(node, Duration.ofMillis(400));
  }

  @Test
  void plain_printsDockerComposeWordingForEveryOperationKind() {
    try (ProgressRenderer renderer = renderer(Mode.PLAIN, Nodes.ticking(Duration.ZERO))) {
      for (PlanNode node :
          new PlanNode[] {
            Nodes.NETWORK,
            Nodes.VOLUME,
            Nodes.PULL,
            Nodes.BUILD,
            Nodes.CREATE_DB,
            Nodes.START_DB,
            Nodes.WAIT_DB,
            Nodes.STOP_WEB,
            Nodes.REMOVE_WEB,
            Nodes.RENAME_WEB,
            Nodes.REMOVE_NETWORK,
            Nodes.REMOVE_VOLUME,
            Nodes.REMOVE_IMAGE
          }) {
        renderer.accept(started(node));
        renderer.accept(finished(node));
      }
    }

    assertThat(err.toString())
        .isEqualTo(
            """
             Network demo_default  Creating
             Network demo_default  Created
             Volume "demo_data"  Creating
             Volume "demo_data"  Created
             Image postgres:16  Pulling
             Image postgres:16  Pulled
             Image demo-web  Building
             Image demo-web  Built
             Container demo-db-1  Creating
             Container demo-db-1  Created
             Container demo-db-1  Starting
             Container demo-db-1  Started
             Container demo-db-1  Waiting
             Container demo-db-1  Healthy
             Container demo-web-1  Stopping
             Container demo-web-1  Stopped
             Container demo-web-1  Removing
             Container demo-web-1  Removed
             Container demo-web-1  Recreate
             Container demo-web-1  Recreated
             Network demo_default  Removing
             Network demo_default  Removed
             Volume "demo_data"  Removing
             Volume "demo_data"  Removed
             Image demo-web  Removing
             Image demo-web  Removed
            """);
    assertThat(err.toString()).doesNotContain("\033");
  }

  @Test
  void plain_printsFailuresSkipsAndWarnings() {
    try (ProgressRenderer renderer = renderer(Mode.PLAIN, Nodes.ticking(Duration.ofSeconds(1)))) {
      renderer.accept(started(Nodes.START_WEB));
      renderer.accept(
          new ProgressEvent.Failed(
              Nodes.START_WEB, "container demo-web-1: start failed: port is already allocated"));
      renderer.accept(
          new ProgressEvent.Skipped(Nodes.REMOVE_IMAGE, "an earlier step failed: port in use"));
      renderer.accept(new ProgressEvent.Warning("network demo_default is still in use"));
    }

    assertThat(err.toString())
        .isEqualTo(
            """
             Container demo-web-1  Starting
             Container demo-web-1  Error container demo-web-1: start failed: port is already allocated
             Image demo-web  Skipped: an earlier step failed: port in use
            WARN[0001] network demo_default is still in use
            """);
  }

  @Test
  void plain_printsAWaitStateAndAnImageLayerStatusOnlyWhenTheyChange() {
    try (ProgressRenderer renderer = renderer(Mode.PLAIN, Nodes.ticking(Duration.ZERO))) {
      renderer.accept(started(Nodes.WAIT_DB));
      String starting = "container demo-db-1 is running, health: starting";
      renderer.accept(new ProgressEvent.Waiting(Nodes.WAIT_DB, starting));
      renderer.accept(new ProgressEvent.Waiting(Nodes.WAIT_DB, starting));
      renderer.accept(new ProgressEvent.ServiceWaiting("web", "container demo-web-1 is created"));
      renderer.accept(new ProgressEvent.ServiceWaiting("web", "container demo-web-1 is created"));
      renderer.accept(new ProgressEvent.ServiceReady("web"));
      renderer.accept(started(Nodes.PULL));
      renderer.accept(image("", "Pulling from library/postgres", -1, -1));
      renderer.accept(image("a1b2c3", "Pulling fs layer", -1, -1));
      renderer.accept(image("a1b2c3", "Downloading", 1_000, 3_000_000));
      renderer.accept(image("a1b2c3", "Downloading", 2_000_000, 3_000_000));
      renderer.accept(image("a1b2c3", "Pull complete", -1, -1));
    }

    assertThat(err.toString())
        .isEqualTo(
            """
             Service db  Waiting
             Service db  Waiting (container demo-db-1 is running, health: starting)
             Service web  Waiting (container demo-web-1 is created)
             Service web  Ready
             Image postgres:16  Pulling
             Image postgres:16  Pulling from library/postgres
             Image postgres:16  a1b2c3 Pulling fs layer
             Image postgres:16  a1b2c3 Downloading
             Image postgres:16  a1b2c3 Pull complete
            """);
  }

  private static ProgressEvent image(String layer, String status, long current, long total) {
    return new ProgressEvent.Image(Nodes.PULL, new ImageProgress(layer, status, current, total));
  }

  @Test
  void quiet_printsNothingButErrors() {
    try (ProgressRenderer renderer = renderer(Mode.QUIET, Nodes.ticking(Duration.ZERO))) {
      renderer.accept(started(Nodes.CREATE_WEB));
      renderer.accept(finished(Nodes.CREATE_WEB));
      renderer.accept(new ProgressEvent.Warning("careful"));
      renderer.accept(new ProgressEvent.Failed(Nodes.START_WEB, "no such image"));
    }

    assertThat(err.toString()).isEqualTo(" Container demo-web-1  Error no such image\n");
  }

  @Test
  void auto_isPlainWhenStderrIsNotATerminal() {
    try (ProgressRenderer renderer =
        ProgressRenderers.create(Mode.AUTO, true, new PrintWriter(err), false)) {
      renderer.accept(started(Nodes.CREATE_WEB));
    }

    assertThat(err.toString()).isEqualTo(" Container demo-web-1  Creating\n");
  }

  @Test
  void mode_parsesTheFlagsWordsAndQuotesAWrongOne() {
    assertThat(Mode.parse("tty")).isEqualTo(Mode.TTY);
    assertThat(Mode.parse("json")).isEqualTo(Mode.JSON);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mode.parse("fancy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"fancy\"");
  }
}

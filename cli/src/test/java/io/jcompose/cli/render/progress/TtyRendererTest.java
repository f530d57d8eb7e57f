package io.jcompose.cli.render.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.spi.ImageProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TtyRendererTest {

  private static final Duration NEVER = Duration.ofHours(1);

  private final StringWriter err = new StringWriter();

  private ProgressRenderer renderer(boolean color, Clock clock, Duration refresh) {
    return ProgressRenderers.create(Mode.TTY, color, new PrintWriter(err), true, clock, refresh);
  }

  private static String stripAnsi(String text) {
    return text.replaceAll("\033\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
  }

  /** The last frame drawn: from the last header on, escape codes removed. */
  private String finalFrame() {
    String plain = stripAnsi(err.toString());
    int header = plain.lastIndexOf("[+] Running");
    return header < 0 ? plain : plain.substring(header);
  }

  @Test
  void tty_closeDrawsTheFinalFrameWithAlignedColumns() {
    try (ProgressRenderer renderer =
        renderer(false, Nodes.ticking(Duration.ofMillis(100)), NEVER)) {
      renderer.accept(new ProgressEvent.Started(Nodes.NETWORK));
      renderer.accept(new ProgressEvent.Finished(Nodes.NETWORK, Duration.ofMillis(100)));
      renderer.accept(new ProgressEvent.Started(Nodes.START_DB));
      renderer.accept(new ProgressEvent.Finished(Nodes.START_DB, Duration.ofMillis(400)));
      renderer.accept(new ProgressEvent.Started(Nodes.WAIT_DB));
      renderer.accept(new ProgressEvent.Waiting(Nodes.WAIT_DB, "health: starting"));
      renderer.accept(new ProgressEvent.Finished(Nodes.WAIT_DB, Duration.ofMillis(2100)));
      renderer.accept(new ProgressEvent.Started(Nodes.START_WEB));
      renderer.accept(new ProgressEvent.Failed(Nodes.START_WEB, "port is already allocated"));
    }

    assertThat(finalFrame())
        .isEqualTo(
            """
            [+] Running 3/4
             ✔ Network demo_default  Created                          0.1s
             ✔ Container demo-db-1   Started                          0.4s
             ✔ Container demo-db-1   Healthy                          2.1s
             ✘ Container demo-web-1  Error port is already allocated  0.1s
            """);
    assertThat(err.toString()).doesNotContain("\033[32m");
  }

  @Test
  void tty_showsWaitStatesAndImageLayersWhileWorking() {
    try (ProgressRenderer renderer =
        renderer(false, Nodes.ticking(Duration.ofMillis(500)), NEVER)) {
      renderer.accept(new ProgressEvent.Started(Nodes.WAIT_DB));
      renderer.accept(new ProgressEvent.Waiting(Nodes.WAIT_DB, "health: starting"));
      renderer.accept(new ProgressEvent.Started(Nodes.PULL));
      renderer.accept(image("a1b2c3", "Downloading", 1_200_000, 3_000_000));
      renderer.accept(image("d4e5f6", "Pull complete", -1, -1));
      renderer.accept(new ProgressEvent.Warning("careful"));
    }

    String frame = stripAnsi(err.toString());
    assertThat(frame).startsWith("WARN[0003] careful\n[+] Running 0/2\n");
    assertThat(frame)
        .containsPattern(" . Service db         Waiting \\(health: starting\\)  \\d+\\.\\ds\n")
        .containsPattern(" . Image postgres:16  Pulling                     \\d+\\.\\ds\n")
        .contains("   ✔ d4e5f6 Pull complete\n")
        .containsPattern("   . a1b2c3 Downloading \\[=======>            \\] 1.2MB/3MB\n");
  }

  private static ProgressEvent image(String layer, String status, long current, long total) {
    return new ProgressEvent.Image(Nodes.PULL, new ImageProgress(layer, status, current, total));
  }

  @Test
  void tty_colorsDoneLinesGreenAndFailedOnesRed() {
    try (ProgressRenderer renderer = renderer(true, Nodes.ticking(Duration.ZERO), NEVER)) {
      renderer.accept(new ProgressEvent.Started(Nodes.CREATE_WEB));
      renderer.accept(new ProgressEvent.Finished(Nodes.CREATE_WEB, Duration.ofMillis(100)));
      renderer.accept(new ProgressEvent.Failed(Nodes.START_WEB, "boom"));
      renderer.accept(new ProgressEvent.Warning("careful"));
    }

    assertThat(err.toString())
        .contains("\033[32m✔\033[0m")
        .contains("\033[32mCreated")
        .contains("\033[31m✘\033[0m")
        .contains("\033[31mError boom")
        .contains("\033[33mWARN[0000] careful\033[0m");
  }

  @Test
  void tty_redrawsInPlaceFromItsThreadAndStopsItOnClose() throws InterruptedException {
    ProgressRenderer renderer = renderer(false, Clock.systemUTC(), Duration.ofMillis(5));
    renderer.accept(new ProgressEvent.Started(Nodes.CREATE_WEB));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!err.toString().contains("\033[2A") && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(5); // the refresh thread draws twice: the second moves up
    }
    renderer.close();

    assertThat(err.toString()).contains("\033[2A").contains("Container demo-web-1  Creating");
    assertThat(refreshThreads()).isEmpty();
    int length = err.toString().length();
    renderer.accept(new ProgressEvent.Finished(Nodes.CREATE_WEB, Duration.ZERO));
    renderer.close();
    assertThat(err.toString()).hasSize(length);
  }

  private static List<Thread> refreshThreads() {
    var threads = new ArrayList<Thread>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("jcompose-progress") && thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  @Test
  void tty_drawsNothingWhenNothingHappened() {
    renderer(true, Clock.systemUTC(), NEVER).close();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void bar_andByteSizes_lookLikeDockers() {
    assertThat(Board.bar(0, 100)).isEqualTo("[                    ]");
    assertThat(Board.bar(50, 100)).isEqualTo("[=========>          ]");
    assertThat(Board.bar(100, 100)).isEqualTo("[====================]");
    assertThat(ByteSize.format(512)).isEqualTo("512B");
    assertThat(ByteSize.format(1_234_567)).isEqualTo("1.23MB");
    assertThat(ByteSize.format(3_000_000)).isEqualTo("3MB");
    assertThat(ByteSize.format(999_999)).isEqualTo("1MB");
  }
}

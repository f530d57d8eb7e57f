package io.jcompose.cli.render.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.runtime.InMemoryRuntime;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LogFollowerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  /** Moves on a second at each reading, so every log line and event has its own time. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      Instant reading = now;
      now = now.plusSeconds(1);
      return reading;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final InMemoryRuntime runtime = new InMemoryRuntime(new TickingClock());
  private final StringWriter out = new StringWriter();
  private final LogPrinter printer = new LogPrinter(new PrintWriter(out), false, true, false);

  LogFollowerTest() {
    runtime.addImage("busybox", Map.of());
  }

  private String run(String project, String service, int number, boolean oneOff, String script) {
    String name = project + "-" + service + "-" + number;
    var labels =
        Map.of(
            Labels.PROJECT,
            project,
            Labels.SERVICE,
            service,
            Labels.CONTAINER_NUMBER,
            Integer.toString(number),
            Labels.ONEOFF,
            oneOff ? Labels.TRUE : Labels.FALSE,
            Labels.CONFIG_HASH,
            "0123abcd");
    runtime.createContainer(
        ContainerSpec.simple(name, "busybox", List.of("sh", "-c", script)).withLabels(labels));
    runtime.startContainer(name);
    return name;
  }

  private String service(String service, String script) {
    return run("demo", service, 1, false, script);
  }

  private LogFollower follower(Set<String> services, LogOptions options) {
    return new LogFollower(runtime, "demo", services, options, printer);
  }

  private void awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!out.toString().contains(text) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(2);
    }
    assertThat(out.toString()).contains(text);
  }

  @Test
  void logs_printsWhatEachServiceContainerLoggedThenEnds() throws InterruptedException {
    service("web", "echo hello; echo world");
    service("db", "echo ready; sleep 3600");
    run("demo", "web", 2, true, "echo one-off");
    run("other", "web", 1, false, "echo other project");

    try (LogFollower follower = follower(Set.of(), LogOptions.all()).start()) {
      assertThat(follower.await(PATIENCE)).isTrue();
    }

    assertThat(out.toString()).isEqualTo("db-1   | ready\nweb-1  | hello\nweb-1  | world\n");
  }

  @Test
  void logs_streamsOnlyTheNamedServices() throws InterruptedException {
    service("web", "echo hello");
    service("db", "echo ready");

    try (LogFollower follower = follower(Set.of("web"), LogOptions.all()).start()) {
      assertThat(follower.await(PATIENCE)).isTrue();
    }

    assertThat(out.toString()).isEqualTo("web-1  | hello\n");
  }

  @Test
  void follow_printsBothRunsOfARestartedContainerOnceEachWithTheExitNotices()
      throws InterruptedException {
    String web = service("web", "echo start; sleep 3600");
    try (LogFollower follower =
        follower(Set.of(), LogOptions.following()).stopGrace(Duration.ZERO).start()) {
      runtime.writeLog(web, LogLine.Stream.STDOUT, "one");
      runtime.stopContainer(web, Optional.empty());
      awaitOutput("web-1 exited with code 143\n");

      runtime.startContainer(web);
      runtime.writeLog(web, LogLine.Stream.STDOUT, "two");
      runtime.exit(web, 0);

      assertThat(follower.await(PATIENCE)).isTrue();
      assertThat(follower.exits()).extracting(ContainerExit::exitCode).containsExactly(143, 0);
    }

    assertThat(out.toString())
        .isEqualTo(
            """
            web-1  | start
            web-1  | one
            web-1 exited with code 143
            web-1  | start
            web-1  | two
            web-1 exited with code 0
            """);
  }

  @Test
  void follow_attachesToANewContainerOfTheProjectButNotToOneOffs() throws InterruptedException {
    try (LogFollower follower =
        follower(Set.of(), LogOptions.following()).stopGrace(Duration.ZERO).start()) {
      String web = service("web", "echo hi; sleep 3600");
      run("demo", "web", 7, true, "echo one-off; sleep 3600");
      runtime.exit(web, 0);

      assertThat(follower.await(PATIENCE)).isTrue();
      assertThat(follower.exits())
          .containsExactly(
              new ContainerExit(
                  runtime.inspectContainer(web).summary().id(),
                  "demo-web-1",
                  "web",
                  "web-1",
                  0,
                  follower.exits().get(0).time()));
    }

    assertThat(out.toString()).isEqualTo("web-1  | hi\nweb-1 exited with code 0\n");
  }

  @Test
  void follow_endsWhenEveryContainerStoppedAndTellsTheListenerOfEachExit()
      throws InterruptedException {
    String web = service("web", "sleep 3600");
    String db = service("db", "sleep 3600");
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    try (LogFollower follower =
        follower(Set.of(), LogOptions.following())
            .stopGrace(Duration.ZERO)
            .onExit(exit -> heard.add(exit.serviceName() + " " + exit.exitCode()))
            .start()) {
      runtime.exit(db, 3);
      assertThat(follower.await(Duration.ofMillis(20))).isFalse();
      runtime.exit(web, 0);

      assertThat(follower.await(PATIENCE)).isTrue();
    }

    assertThat(heard).containsExactlyInAnyOrder("db 3", "web 0");
    assertThat(out.toString())
        .contains("db-1 exited with code 3\n")
        .contains("web-1 exited with code 0\n");
  }

  @Test
  void follow_waitsTheGracePeriodForARestartAndCloseEndsTheWait() throws InterruptedException {
    String web = service("web", "echo up; sleep 3600");
    LogFollower follower =
        follower(Set.of(), LogOptions.following()).stopGrace(Duration.ofHours(1)).start();
    runtime.exit(web, 1);
    awaitOutput("web-1 exited with code 1\n");

    assertThat(follower.await(Duration.ofMillis(20))).isFalse();
    follower.close();
    assertThat(follower.await(Duration.ZERO)).isTrue();
  }

  @Test
  void follow_withTailZeroSkipsEarlierOutputButShowsWhatComesNext() throws InterruptedException {
    String web = service("web", "echo old; sleep 3600");
    var fromNowOn = new LogOptions(true, Optional.of(0), Optional.empty(), Optional.empty(), false);
    try (LogFollower follower = follower(Set.of(), fromNowOn).start()) {
      runtime.writeLog(web, LogLine.Stream.STDOUT, "new");
      runtime.stopContainer(web, Optional.empty());
      awaitOutput("exited");
      runtime.startContainer(web);
      awaitOutput("web-1  | old\n");
    }

    assertThat(out.toString())
        .isEqualTo("web-1  | new\nweb-1 exited with code 143\nweb-1  | old\n");
  }

  @Test
  void close_stopsPrinting() throws InterruptedException {
    String web = service("web", "sleep 3600");
    LogFollower follower = follower(Set.of(), LogOptions.following()).start();
    runtime.writeLog(web, LogLine.Stream.STDOUT, "before");

    follower.close();
    runtime.writeLog(web, LogLine.Stream.STDOUT, "after");
    runtime.exit(web, 0);

    assertThat(follower.await(PATIENCE)).isTrue();
    assertThat(out.toString()).isEqualTo("web-1  | before\n");
    assertThatThrownBy(follower::start).isInstanceOf(IllegalStateException.class);
  }
}

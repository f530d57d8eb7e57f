package io.jcompose.planner.wait;

import static io.jcompose.planner.wait.ReadinessRuntime.onLoopback;
import static io.jcompose.planner.wait.ReadinessRuntime.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jcompose.model.project.ReadinessCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each readiness check kind against real loopback sockets, on a fake clock. */
class ReadinessWaiterTest {

  private static final Duration INTERVAL = Duration.ofMillis(500);

  private final ReadinessRuntime runtime = new ReadinessRuntime();
  private final FakeClock clock = new FakeClock();
  private final List<String> attempts = new ArrayList<>();
  private final AtomicInteger status = new AtomicInteger(503);
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private ReadinessWaiter waiter() {
    return new ReadinessWaiter(
        runtime, FakeContainers.PROJECT, clock, clock.sleeper(), ProbeSettings.LOCAL);
  }

  private static ReadinessCheck check(ReadinessCheck.Probe probe, Duration timeout) {
    return new ReadinessCheck(probe, INTERVAL, timeout);
  }

  /** An HTTP server on loopback answering {@code /health} with {@link #status}. */
  private int startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }

  /**
   * A listener that records each failed attempt and, at attempt {@code step}, runs {@code then}.
   */
  private WaitListener recording(int step, Runnable then) {
    return (serviceName, state) -> {
      attempts.add(serviceName + ": " + state);
      if (attempts.size() == step) {
        then.run();
      }
    };
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void http_keepsTryingUntilTheContainerPortAnswersSuccess() throws Exception {
    int port = startServer();
    runtime.put(onLoopback("api"));

    waiter()
        .await(
            "api",
            check(
                new ReadinessCheck.Http(port, "/health", Optional.empty()), Duration.ofMinutes(1)),
            recording(2, () -> status.set(200)));

    assertThat(attempts)
        .containsExactly(
            "api: http GET :" + port + "/health answered 503",
            "api: http GET :" + port + "/health answered 503");
    assertThat(clock.sleeps()).containsExactly(INTERVAL, INTERVAL);
  }

  @Test
  void http_wantsTheGivenStatusWhenOneIsSet() throws Exception {
    int port = startServer();
    status.set(200);
    runtime.put(onLoopback("api"));

    waiter()
        .await(
            "api",
            check(
                new ReadinessCheck.Http(port, "/health", Optional.of(204)), Duration.ofMinutes(1)),
            recording(1, () -> status.set(204)));

    assertThat(attempts).containsExactly("api: http GET :" + port + "/health answered 200");
  }

  @Test
  void http_timeout_namesTheServiceAndTheCheckAndCarriesTheLastLogLines() throws Exception {
    int port = startServer();
    runtime.put(onLoopback("api"));
    for (int line = 1; line <= 12; line++) {
      runtime.write("line " + line);
    }

    assertThatThrownBy(
            () ->
                waiter()
                    .await(
                        "api",
                        check(
                            new ReadinessCheck.Http(port, "/health", Optional.empty()),
                            Duration.ofSeconds(2)),
                        WaitListener.IGNORE))
        .isInstanceOfSatisfying(
            ServiceNotReadyException.class,
            notReady -> {
              assertThat(notReady.serviceName()).isEqualTo("api");
              assertThat(notReady.lastLogLines())
                  .hasSize(10)
                  .startsWith("line 3")
                  .endsWith("line 12");
            })
        .hasMessage(
            "service \"api\" is not ready: http GET :" + port + "/health answered 503 (after 2s)");
    assertThat(clock.sleeps()).hasSize(4);
  }

  @Test
  void waitTimeout_capsALongerCheckTimeout() throws Exception {
    int port = startServer();
    runtime.put(onLoopback("api"));
    var capped =
        new ReadinessWaiter(
            runtime,
            FakeContainers.PROJECT,
            clock,
            clock.sleeper(),
            ProbeSettings.LOCAL,
            Optional.of(Duration.ofSeconds(1)));

    assertThatThrownBy(
            () ->
                capped.await(
                    "api",
                    check(
                        new ReadinessCheck.Http(port, "/health", Optional.empty()),
                        Duration.ofMinutes(1)),
                    WaitListener.IGNORE))
        .isInstanceOf(ServiceNotReadyException.class)
        .hasMessage(
            "service \"api\" is not ready: http GET :" + port + "/health answered 503 (after 1s)");
    assertThat(clock.sleeps()).hasSize(2);
  }

  @Test
  void tcp_connectsToThePublishedPortOnThePublishedHost() throws Exception {
    try (var listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      runtime.put(published("db", 5432, listening.getLocalPort()));

      waiter()
          .await(
              "db",
              check(new ReadinessCheck.Tcp(5432), Duration.ofSeconds(5)),
              recording(1, () -> {}));
    }

    assertThat(attempts).isEmpty();
  }

  @Test
  void tcp_timeout_saysTheConnectionWasRefused() throws Exception {
    int port = closedPort();
    runtime.put(onLoopback("db"));

    assertThatThrownBy(
            () ->
                waiter()
                    .await(
                        "db",
                        check(new ReadinessCheck.Tcp(port), Duration.ofSeconds(1)),
                        WaitListener.IGNORE))
        .isInstanceOf(ServiceNotReadyException.class)
        .hasMessageStartingWith(
            "service \"db\" is not ready: tcp :" + port + ": connection refused")
        .hasMessageEndingWith("(after 1s)");
  }

  @Test
  void log_isReadyOnceALineOfTheServiceMatchesAndStopsFollowing() throws Exception {
    runtime.put(onLoopback("api"));
    runtime.write("starting");

    waiter()
        .await(
            "api",
            check(new ReadinessCheck.Log("listening on \\d+"), Duration.ofMinutes(1)),
            recording(2, () -> runtime.write("listening on 8080")));

    assertThat(attempts)
        .containsExactly(
            "api: log /listening on \\d+/: no line matched yet",
            "api: log /listening on \\d+/: no line matched yet");
    assertThat(runtime.openStreams()).isZero();
  }

  @Test
  void log_aLineWrittenBeforeTheWaitCountsAtOnce() throws Exception {
    runtime.put(onLoopback("api"));
    runtime.write("listening on 8080");

    waiter()
        .await(
            "api",
            check(new ReadinessCheck.Log("listening on \\d+"), Duration.ofMinutes(1)),
            recording(1, () -> {}));

    assertThat(attempts).isEmpty();
    assertThat(runtime.openStreams()).isZero();
  }

  @Test
  void command_runsInTheContainerUntilItExitsZero() throws Exception {
    runtime.put(onLoopback("api"));
    runtime.execExits(1, 0);

    waiter()
        .await(
            "api",
            check(
                new ReadinessCheck.Command(List.of("test", "-f", "/tmp/ready")),
                Duration.ofMinutes(1)),
            recording(5, () -> {}));

    assertThat(attempts).containsExactly("api: command test -f /tmp/ready exited with code 1");
    assertThat(runtime.execs()).hasSize(2).allMatch(List.of("test", "-f", "/tmp/ready")::equals);
  }

  @Test
  void exitedContainer_failsAtOnceNamingIt() {
    runtime.put(FakeContainers.exited("api", 1, 3));
    runtime.write("fatal: no config");

    assertThatThrownBy(
            () ->
                waiter()
                    .await(
                        "api",
                        check(new ReadinessCheck.Tcp(80), Duration.ofMinutes(1)),
                        WaitListener.IGNORE))
        .isInstanceOfSatisfying(
            ServiceNotReadyException.class,
            notReady -> assertThat(notReady.lastLogLines()).containsExactly("fatal: no config"))
        .hasMessage("service \"api\" is not ready: container demo-api-1 exited with code 3");
    assertThat(clock.sleeps()).isEmpty();
  }
}

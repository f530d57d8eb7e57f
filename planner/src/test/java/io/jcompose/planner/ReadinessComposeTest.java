package io.jcompose.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jcompose.model.project.Project;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.execute.PlanFailedException;
import io.jcompose.planner.reconcile.Projects;
import io.jcompose.planner.runtime.InMemoryRuntime;
import io.jcompose.planner.wait.FakeClock;
import io.jcompose.planner.wait.ServiceNotReadyException;
import io.jcompose.planner.wait.Sleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up} with jcompose readiness checks on the in-memory runtime, whose containers answer on
 * loopback: the check reaches a real HTTP server there.
 */
class ReadinessComposeTest {

  private static final String STACK =
      """
      services:
        api:
          image: busybox
          command: ["sh", "-c", "echo api-loading; sleep infinity"]
          x-jcompose:
            ready:
              http: {port: PORT, path: /health}
              timeout: 5s
        web:
          image: busybox
          command: ["sleep", "infinity"]
          depends_on: [api]
      """;

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private final FakeClock clock = new FakeClock();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(503);
  private ExecutorService executor;
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    runtime.addImage("busybox", Map.of());
    executor = Executors.newFixedThreadPool(4);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private Project project() {
    return Projects.load(
        directory, STACK.replace("PORT", Integer.toString(server.getAddress().getPort())));
  }

  private Compose compose(Sleeper sleeper) {
    return new Compose(
        runtime,
        executor,
        new Compose.Settings(4, clock, sleeper, Duration.ofMillis(500)),
        events::add);
  }

  @Test
  void dependent_startsOnlyOnceItsDependencyAnswers() throws Exception {
    var callsWhenReady = new AtomicInteger(-1);
    var attempts = new AtomicInteger();
    Sleeper sleeper =
        duration -> {
          if (attempts.incrementAndGet() == 3) {
            status.set(200);
            callsWhenReady.set(runtime.calls().size());
          }
          clock.advance(duration);
        };

    compose(sleeper).up(project(), UpOptions.defaults());

    assertThat(callsWhenReady.get()).as("api answered during the wait").isPositive();
    assertThat(runtime.calls().indexOf("startContainer demo-web-1"))
        .isGreaterThan(callsWhenReady.get());
    assertThat(events)
        .anySatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        ProgressEvent.Waiting.class,
                        waiting -> assertThat(waiting.state()).endsWith("/health answered 503")));
  }

  @Test
  void dependencyThatNeverAnswers_stopsItsDependentWithItsLastLogLines() {
    assertThatThrownBy(() -> compose(clock.sleeper()).up(project(), UpOptions.defaults()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("service \"api\" is not ready: http GET :")
        .hasMessageEndingWith("/health answered 503 (after 5s)")
        .cause()
        .isInstanceOfSatisfying(
            ServiceNotReadyException.class,
            notReady -> assertThat(notReady.lastLogLines()).containsExactly("api-loading"));

    assertThat(runtime.calls()).doesNotContain("startContainer demo-web-1");
  }

  @Test
  void upWithWait_waitsForTheServiceCheck() {
    Project alone = Projects.load(directory, standalone());

    assertThatThrownBy(
            () ->
                compose(clock.sleeper())
                    .up(alone, UpOptions.defaults().withWait(true, Optional.empty())))
        .isInstanceOf(ServiceNotReadyException.class)
        .hasMessageEndingWith("/health answered 503 (after 5s)");
  }

  /** The api alone: nothing depends on it, so only --wait runs its check. */
  private String standalone() {
    return STACK
        .substring(0, STACK.indexOf("  web:"))
        .replace("PORT", Integer.toString(server.getAddress().getPort()));
  }
}

package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link FakeContainers} with what readiness checks use: addresses on loopback, a log the test
 * writes to, and exec exit codes the test scripts. Single-threaded, as the waiters call it.
 */
final class ReadinessRuntime extends FakeContainers {

  private final List<String> log = new ArrayList<>();
  private final List<Consumer<LogLine>> followers = new ArrayList<>();
  private final Deque<Integer> execExitCodes = new ArrayDeque<>();
  private final List<List<String>> execs = new ArrayList<>();
  private int openStreams;

  /** A running container of {@code serviceName} at 127.0.0.1 on network demo_default. */
  static ContainerDetails onLoopback(String serviceName) {
    return withAddresses(
        container(serviceName, 1, ContainerStatus.RUNNING, Optional.empty()),
        new ContainerDetails.Addresses(List.of(), Map.of("demo_default", "127.0.0.1")));
  }

  /** A running container with only a published port, {@code containerPort} on {@code hostPort}. */
  static ContainerDetails published(String serviceName, int containerPort, int hostPort) {
    return withAddresses(
        container(serviceName, 1, ContainerStatus.RUNNING, Optional.empty()),
        new ContainerDetails.Addresses(
            List.of(
                new ContainerSummary.Port("::", hostPort, containerPort, "tcp"),
                new ContainerSummary.Port("0.0.0.0", hostPort, containerPort, "tcp")),
            Map.of()));
  }

  private static ContainerDetails withAddresses(
      ContainerDetails container, ContainerDetails.Addresses addresses) {
    return new ContainerDetails(
        container.summary(),
        container.exitCode(),
        container.health(),
        container.startedAt(),
        container.finishedAt(),
        container.restartCount(),
        addresses);
  }

  /** The service writes a line: kept for the tail and handed to every follower. */
  void write(String line) {
    log.add(line);
    followers.forEach(follower -> follower.accept(text(line)));
  }

  void execExits(Integer... exitCodes) {
    execExitCodes.addAll(List.of(exitCodes));
  }

  List<List<String>> execs() {
    return List.copyOf(execs);
  }

  /** Followed log streams not closed yet. */
  int openStreams() {
    return openStreams;
  }

  @Override
  public Subscription logs(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    int from = options.tail().map(tail -> Math.max(0, log.size() - tail)).orElse(0);
    log.subList(from, log.size()).forEach(line -> sink.accept(text(line)));
    if (options.follow()) {
      followers.add(sink);
      openStreams++;
    }
    return new Subscription() {
      private boolean closed;

      @Override
      public void await() {}

      @Override
      public void close() {
        if (options.follow() && !closed) {
          closed = true;
          followers.remove(sink);
          openStreams--;
        }
      }
    };
  }

  @Override
  public ExecResult exec(String containerIdOrName, ExecSpec spec) {
    execs.add(spec.command());
    Integer exitCode = execExitCodes.poll();
    return new ExecResult(exitCode == null ? 1 : exitCode, "", "");
  }

  private static LogLine text(String line) {
    return new LogLine(LogLine.Stream.STDOUT, Optional.empty(), line);
  }
}

package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.Subscription;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** A container's output as a stream of lines. */
final class Logs {

  private final DockerClient docker;
  private final Faults faults;

  Logs(DockerClient docker, Faults faults) {
    this.docker = docker;
    this.faults = faults;
  }

  /**
   * The API takes {@code since} to the nanosecond, docker-java only in whole seconds: for a since
   * within a second, this asks from that second, with timestamps, and drops the lines the daemon
   * would have dropped (those stamped before it). A follower re-attaching at a restart's start
   * event thus does not replay the previous run's lines of the same second. {@code until} is sent
   * in whole seconds.
   */
  Subscription stream(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    Optional<Instant> notBefore = options.since().filter(since -> since.getNano() != 0);
    LogContainerCmd command =
        docker
            .logContainerCmd(containerIdOrName)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(options.follow())
            .withTimestamps(options.timestamps() || notBefore.isPresent());
    options.tail().ifPresentOrElse(command::withTail, command::withTailAll);
    options.since().ifPresent(since -> command.withSince((int) since.getEpochSecond()));
    options.until().ifPresent(until -> command.withUntil((int) until.getEpochSecond()));
    var callback = new LogCallback(options.timestamps(), notBefore, sink);
    faults.run(() -> command.exec(callback));
    return new StreamSubscription(callback, faults);
  }
}

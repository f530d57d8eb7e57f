package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.Subscription;
import java.util.function.Consumer;

/** A container's output as a stream of lines. */
final class Logs {

  private final DockerClient docker;
  private final Faults faults;

  Logs(DockerClient docker, Faults faults) {
    this.docker = docker;
    this.faults = faults;
  }

  /** The daemon takes {@code since}/{@code until} in whole seconds. */
  Subscription stream(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    LogContainerCmd command =
        docker
            .logContainerCmd(containerIdOrName)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(options.follow())
            .withTimestamps(options.timestamps());
    options.tail().ifPresentOrElse(command::withTail, command::withTailAll);
    options.since().ifPresent(since -> command.withSince((int) since.getEpochSecond()));
    options.until().ifPresent(until -> command.withUntil((int) until.getEpochSecond()));
    var callback = new LogCallback(options.timestamps(), sink);
    faults.run(() -> command.exec(callback));
    return new StreamSubscription(callback, faults);
  }
}

package io.jcompose.planner.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * @param timeout empty for the container's own stop grace period
 */
public record StopContainer(String serviceName, String containerName, Optional<Duration> timeout)
    implements Operation {

  public StopContainer {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String resource() {
    return "container " + containerName;
  }

  @Override
  public String action() {
    return timeout.map(limit -> "stop, kill after " + seconds(limit)).orElse("stop");
  }

  private static String seconds(Duration limit) {
    long millis = limit.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}

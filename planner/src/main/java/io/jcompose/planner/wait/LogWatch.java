package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Follows the logs of a service's containers, from their start, and remembers which containers
 * wrote a line matching the pattern. Closing it ends every stream.
 */
final class LogWatch implements AutoCloseable {

  private final ContainerRuntime runtime;
  private final Pattern pattern;
  private final Map<String, Subscription> followed = new ConcurrentHashMap<>();
  private final Set<String> matched = ConcurrentHashMap.newKeySet();

  LogWatch(ContainerRuntime runtime, Pattern pattern) {
    this.runtime = runtime;
    this.pattern = pattern;
  }

  /**
   * Whether the container has written a matching line. The first call reads what the log holds
   * already, so that a line written before the wait counts at once, then follows the log.
   */
  boolean hasMatched(String containerId) throws InterruptedException {
    if (!followed.containsKey(containerId) && !matched.contains(containerId)) {
      try (Subscription written =
          runtime.logs(containerId, LogOptions.all(), line -> see(containerId, line.text()))) {
        written.await();
      }
      if (!matched.contains(containerId)) {
        followed.put(
            containerId,
            runtime.logs(
                containerId, LogOptions.following(), line -> see(containerId, line.text())));
      }
    }
    return matched.contains(containerId);
  }

  private void see(String containerId, String line) {
    if (pattern.matcher(line).find()) {
      matched.add(containerId);
    }
  }

  @Override
  public void close() {
    List<Subscription> streams = new ArrayList<>(followed.values());
    followed.clear();
    streams.forEach(Subscription::close);
  }
}

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

  /** Whether the container has written a matching line; follows its log on the first call. */
  boolean hasMatched(String containerId) {
    followed.computeIfAbsent(
        containerId,
        id ->
            runtime.logs(
                id,
                LogOptions.following(),
                line -> {
                  if (pattern.matcher(line.text()).find()) {
                    matched.add(id);
                  }
                }));
    return matched.contains(containerId);
  }

  @Override
  public void close() {
    List<Subscription> streams = new ArrayList<>(followed.values());
    followed.clear();
    streams.forEach(Subscription::close);
  }
}

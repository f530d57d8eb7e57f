package io.jcompose.cli.render.logs;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.Subscription;
import java.util.Map;

/**
 * One container a {@link LogFollower} streams, and its current log stream. Guarded by {@link
 * FollowState}'s lock.
 */
final class FollowedContainer {

  /** One log stream of the container: from a listing, or from one start. */
  static final class Stream {
    Subscription subscription;

    /** The container stopped while this stream still delivered; reported when it ends. */
    ContainerExit pendingExit;
  }

  final String id;
  final String name;
  final String serviceName;
  final String prefix;
  boolean running;
  Stream current;

  FollowedContainer(String id, String name, Map<String, String> labels) {
    this.id = id;
    this.name = name;
    this.serviceName = labels.getOrDefault(Labels.SERVICE, "");
    this.prefix = prefix(name, serviceName, labels.get(Labels.CONTAINER_NUMBER));
  }

  /** {@code web-1}; the container's name when its labels do not say service and number. */
  private static String prefix(String name, String serviceName, String number) {
    if (serviceName.isEmpty() || number == null || !number.matches("[0-9]+")) {
      return name;
    }
    return serviceName + "-" + number;
  }

  /** Starts a new stream; the previous one, if any, ends on its own. */
  Stream newStream() {
    current = new Stream();
    return current;
  }
}

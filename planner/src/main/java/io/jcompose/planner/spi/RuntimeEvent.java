package io.jcompose.planner.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One engine event.
 *
 * @param type {@code container}, {@code network}, {@code volume} or {@code image}
 * @param action {@code create}, {@code start}, {@code die}, {@code health_status: healthy} ...
 * @param actorId the object's ID (a volume's or image's name where it has no ID)
 * @param attributes the object's labels and the event's extras ({@code name}, {@code exitCode})
 */
public record RuntimeEvent(
    String type, String action, String actorId, Map<String, String> attributes, Instant time) {

  public RuntimeEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actorId, "actorId");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(time, "time");
  }
}

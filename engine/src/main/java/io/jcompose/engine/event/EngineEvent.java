package io.jcompose.engine.event;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to an engine object: a container started, a volume was destroyed. The
 * actor is the object (its ID, or a volume's name) with attributes such as its {@code name}, its
 * labels, an {@code exitCode}.
 */
public record EngineEvent(Type type, String action, Actor actor, Instant time) {

  /** The kinds of objects events are about; {@link #wireName} is the API's {@code Type}. */
  public enum Type {
    CONTAINER,
    IMAGE,
    NETWORK,
    VOLUME,
    DAEMON;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The object an event is about. */
  public record Actor(String id, Map<String, String> attributes) {
    public Actor {
      Objects.requireNonNull(id, "id");
      attributes = Map.copyOf(attributes);
    }
  }

  public EngineEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(time, "time");
    if (action.isBlank()) {
      throw new IllegalArgumentException("an event needs an action");
    }
  }
}

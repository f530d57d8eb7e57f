package io.jcompose.engine.event;

import io.jcompose.engine.http.Filters;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code /events}, with dockerd's rules: every key must hold; {@code
 * container}, {@code network} and {@code volume} match the actor's ID or name by prefix (and so
 * exclude events of other types); {@code image} matches the image by reference, with or without its
 * tag; {@code label} needs every given label among the actor's attributes; {@code event} matches
 * the action, where {@code exec_create} also finds {@code exec_create: sh -c ...}.
 */
final class EventFilter implements Predicate<EngineEvent> {

  private static final Set<String> KEYS =
      Set.of(
          "container",
          "daemon",
          "event",
          "image",
          "label",
          "network",
          "scope",
          "type",
          "volume",
          "plugin",
          "node",
          "service",
          "secret",
          "config");
  private static final Set<String> PREFIX_ACTIONS =
      Set.of("exec_create", "exec_start", "health_status");

  private final Filters filters;

  private EventFilter(Filters filters) {
    this.filters = filters;
  }

  /**
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument for a key dockerd does not know
   */
  static EventFilter of(Filters filters) {
    return new EventFilter(filters.requireKeys(KEYS));
  }

  @Override
  public boolean test(EngineEvent event) {
    var attributes = event.actor().attributes();
    return matchesAction(event.action())
        && filters.exactMatch("type", event.type().wireName())
        && filters.exactMatch("scope", "local")
        && matchesName(event, EngineEvent.Type.CONTAINER, "container")
        && matchesName(event, EngineEvent.Type.NETWORK, "network")
        && matchesName(event, EngineEvent.Type.VOLUME, "volume")
        && matchesName(event, EngineEvent.Type.DAEMON, "daemon")
        && matchesImage(event)
        && !filters.contains("plugin")
        && !filters.contains("node")
        && !filters.contains("service")
        && !filters.contains("secret")
        && !filters.contains("config")
        && filters.labelsMatch("label", attributes);
  }

  private boolean matchesAction(String action) {
    boolean prefixWanted = filters.values("event").stream().anyMatch(PREFIX_ACTIONS::contains);
    return prefixWanted ? filters.fuzzyMatch("event", action) : filters.exactMatch("event", action);
  }

  private boolean matchesName(EngineEvent event, EngineEvent.Type type, String key) {
    if (!filters.contains(key)) {
      return true;
    }
    if (event.type() != type) {
      return false;
    }
    String name = event.actor().attributes().get("name");
    return filters.fuzzyMatch(key, event.actor().id())
        || name != null && filters.fuzzyMatch(key, name);
  }

  private boolean matchesImage(EngineEvent event) {
    if (!filters.contains("image")) {
      return true;
    }
    String id = event.actor().id();
    String nameAttribute = event.type() == EngineEvent.Type.IMAGE ? "name" : "image";
    String image = event.actor().attributes().getOrDefault(nameAttribute, "");
    return filters.values("image").stream()
        .anyMatch(
            wanted ->
                wanted.equals(id)
                    || wanted.equals(image)
                    || wanted.equals(withoutTag(id))
                    || wanted.equals(withoutTag(image)));
  }

  /** {@code repo/name:tag} to {@code repo/name}; a registry port is not a tag. */
  private static String withoutTag(String reference) {
    int at = reference.indexOf('@');
    String name = at >= 0 ? reference.substring(0, at) : reference;
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }
}

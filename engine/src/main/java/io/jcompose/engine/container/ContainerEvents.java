package io.jcompose.engine.container;

import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.network.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The container events dockerd publishes (create, start, die, kill, stop, restart, rename, attach,
 * destroy), each with the container's labels, {@code name} and {@code image}; and the network
 * events of its endpoints (connect, disconnect).
 */
final class ContainerEvents {

  private final EventBus bus;

  ContainerEvents(EventBus bus) {
    this.bus = bus;
  }

  void publish(Container container, String action) {
    publish(container, action, Map.of());
  }

  void publish(Container container, String action, Map<String, String> extra) {
    var attributes = new LinkedHashMap<>(container.config().labels());
    attributes.put("name", container.name());
    attributes.put("image", container.config().image());
    attributes.putAll(extra);
    bus.publish(EngineEvent.Type.CONTAINER, action, container.id(), attributes);
  }

  void network(String action, Network network, String containerId) {
    bus.publish(
        EngineEvent.Type.NETWORK,
        action,
        network.id(),
        Map.of("container", containerId, "name", network.name(), "type", network.driver()));
  }
}

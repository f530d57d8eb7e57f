package io.jcompose.engine.container;

import java.util.List;
import java.util.Optional;

/**
 * Connecting a container to a network and disconnecting it: the {@code /networks/{id}/connect} and
 * {@code /disconnect} routes call this, the container service implements it (a created container is
 * attached when it starts; a running one at once).
 */
public interface NetworkAttachments {

  /**
   * @throws io.jcompose.engine.fault.EngineFault.NotFound when the network or the container does
   *     not exist
   * @throws io.jcompose.engine.fault.EngineFault.Forbidden when the container is already on that
   *     network or uses the host or another container's network
   */
  void connect(
      String networkIdOrName,
      String containerIdOrName,
      List<String> aliases,
      Optional<String> ipv4Address);

  void disconnect(String networkIdOrName, String containerIdOrName, boolean force);
}

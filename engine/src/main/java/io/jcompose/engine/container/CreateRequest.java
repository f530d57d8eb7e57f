package io.jcompose.engine.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /containers/create} asks for, before the image's defaults are merged in.
 *
 * @param name empty for a generated name
 * @param config as requested; empty values take the image's
 * @param entrypointGiven the request named an entrypoint, possibly an empty one that clears the
 *     image's (a {@code null} entrypoint takes the image's)
 * @param endpoints {@code NetworkingConfig.EndpointsConfig}: network name or id ({@code default}
 *     for the default network) to how the container joins it
 */
public record CreateRequest(
    Optional<String> name,
    ContainerConfig config,
    boolean entrypointGiven,
    HostSettings host,
    Map<String, EndpointSettings> endpoints) {

  public CreateRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(host, "host");
    endpoints = Map.copyOf(endpoints);
  }

  /**
   * How a container joins one network.
   *
   * @param ipv4Address a fixed address, or empty
   * @param macAddress a fixed MAC address, or empty
   */
  public record EndpointSettings(List<String> aliases, String ipv4Address, String macAddress) {

    public static final EndpointSettings DEFAULT = new EndpointSettings(List.of(), "", "");

    public EndpointSettings {
      aliases = List.copyOf(aliases);
      Objects.requireNonNull(ipv4Address, "ipv4Address");
      Objects.requireNonNull(macAddress, "macAddress");
    }
  }
}

package io.jcompose.model.bind;

import static io.jcompose.model.bind.NodeReader.bool;
import static io.jcompose.model.bind.NodeReader.string;
import static io.jcompose.model.bind.NodeReader.stringMap;

import io.jcompose.model.project.ConfigFile;
import io.jcompose.model.project.Network;
import io.jcompose.model.project.SecretFile;
import io.jcompose.model.project.Volume;
import io.jcompose.schema.node.MapNode;
import java.util.Optional;
import java.util.Set;

/** Binds top-level networks, volumes, configs and secrets. */
final class ResourceBinder {

  private static final Set<String> NETWORK_KNOWN =
      Set.of(
          "name",
          "driver",
          "driver_opts",
          "external",
          "internal",
          "attachable",
          "enable_ipv6",
          "labels");

  private final String projectName;

  ResourceBinder(String projectName) {
    this.projectName = projectName;
  }

  /** The explicit name, else the key when external, else {@code <project>_<key>}. */
  private String name(String key, MapNode resource) {
    return string(resource, "name")
        .orElse(bool(resource, "external", false) ? key : projectName + "_" + key);
  }

  Network network(String key, MapNode network) {
    return new Network(
        key,
        name(key, network),
        string(network, "driver"),
        stringMap(network, "driver_opts"),
        bool(network, "external", false),
        bool(network, "internal", false),
        bool(network, "attachable", false),
        network.has("enable_ipv6")
            ? Optional.of(bool(network, "enable_ipv6", false))
            : Optional.empty(),
        stringMap(network, "labels"),
        NodeReader.others(network, NETWORK_KNOWN));
  }

  Volume volume(String key, MapNode volume) {
    return new Volume(
        key,
        name(key, volume),
        string(volume, "driver"),
        stringMap(volume, "driver_opts"),
        bool(volume, "external", false),
        stringMap(volume, "labels"));
  }

  ConfigFile config(String key, MapNode config) {
    return new ConfigFile(
        key,
        name(key, config),
        string(config, "file"),
        string(config, "environment"),
        string(config, "content"),
        string(config, "driver"),
        bool(config, "external", false),
        stringMap(config, "labels"));
  }

  SecretFile secret(String key, MapNode secret) {
    return new SecretFile(
        key,
        name(key, secret),
        string(secret, "file"),
        string(secret, "environment"),
        string(secret, "driver"),
        bool(secret, "external", false),
        stringMap(secret, "labels"));
  }
}

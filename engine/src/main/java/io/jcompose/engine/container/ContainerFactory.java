package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.network.Network;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.runtime.ContainerBundle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates containers: merges the request with its image, checks names, networks and restart policy,
 * resolves its mounts (creating named and anonymous volumes), reserves its rootfs layers and
 * records it in state {@code created}. Nothing runs yet.
 */
final class ContainerFactory {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;

  ContainerFactory(ContainerSubsystems parts, ContainerRegistry registry, ContainerEvents events) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
  }

  /**
   * @return the new container
   * @throws EngineFault.NotFound {@code No such image: x}, an unknown network or VolumesFrom
   *     container
   * @throws EngineFault.Conflict when the name is taken
   * @throws EngineFault.InvalidArgument for anything malformed, or no command at all
   */
  Container create(CreateRequest request) {
    Image image = parts.images().inspect(request.config().image());
    ContainerConfig merged =
        ImageDefaults.merge(
            request.config(), request.entrypointGiven(), image.config().runConfig());
    HostSettings host = request.host();
    RestartDecision.validate(host.restartPolicy(), host.autoRemove());
    NetworkMode mode = NetworkMode.parse(host.networking().networkMode());
    ResourceCheck.validate(host, mode);
    String name =
        request.name().isPresent()
            ? ContainerNames.checked(request.name().get())
            : ContainerNames.generate(registry::nameTaken);
    registry.requireNameFree(name);
    if (mode instanceof NetworkMode.Shared shared) {
      registry.resolve(shared.container());
    }
    String id = ContainerNames.newId();
    List<NetworkAttachment> networks = attachments(mode, request.endpoints());
    ContainerConfig config = merged.withHostname(hostname(merged.hostname(), id, mode));
    var planner =
        new MountPlanner(parts.volumes(), reference -> registry.resolve(reference).current());
    List<MountPoint> mounts = planner.plan(host.storage(), config.volumes());
    var container =
        new Container(
            id,
            name,
            parts.clock().instant(),
            image.id(),
            image.diffIds(),
            config,
            host,
            mounts,
            networks,
            ContainerState.CREATED);
    var undo = new Undo();
    undo.add(planner::discardAnonymous);
    try {
      ContainerDirectory directory = parts.directoryOf(id);
      Files.createDirectories(directory.path());
      undo.add(() -> deleteDirectory(id, directory.bundle()));
      Files.createFile(directory.logFile());
      parts.snapshots().reserve(id, image.diffIds());
      undo.add(() -> parts.snapshots().release(id));
      registry.add(container);
    } catch (IOException e) {
      var failure = new EngineFault.Internal("cannot create the directory of " + id, e);
      undo.run(failure);
      throw failure;
    } catch (RuntimeException e) {
      undo.run(e);
      throw e;
    }
    events.publish(container, "create");
    return container;
  }

  /**
   * The networks to join: the one {@code NetworkMode} names (with its endpoint settings, which the
   * CLI files under {@code default}), then any other {@code EndpointsConfig} network.
   */
  private List<NetworkAttachment> attachments(
      NetworkMode mode, Map<String, CreateRequest.EndpointSettings> endpoints) {
    if (!(mode instanceof NetworkMode.Bridged bridged)) {
      return List.of();
    }
    Networks networks = parts.networks();
    Network primary = networks.inspect(bridged.network());
    var remaining = new LinkedHashMap<>(endpoints);
    CreateRequest.EndpointSettings settings = CreateRequest.EndpointSettings.DEFAULT;
    for (String key : List.of("default", bridged.network(), primary.name(), primary.id())) {
      CreateRequest.EndpointSettings given = remaining.remove(key);
      if (given != null) {
        settings = given;
      }
    }
    var attachments = new ArrayList<NetworkAttachment>();
    attachments.add(attachment(primary, settings));
    for (var entry : remaining.entrySet()) {
      Network network = networks.inspect(entry.getKey());
      if (attachments.stream().noneMatch(each -> each.networkId().equals(network.id()))) {
        if (!network.driver().equals("bridge")) {
          throw new EngineFault.InvalidArgument(
              "container cannot be connected to network " + network.name() + " and others");
        }
        attachments.add(attachment(network, entry.getValue()));
      }
    }
    return attachments;
  }

  private static NetworkAttachment attachment(
      Network network, CreateRequest.EndpointSettings settings) {
    if (!network.driver().equals("bridge")) {
      throw new EngineFault.InvalidArgument(
          "container cannot be connected to the " + network.name() + " network this way");
    }
    return new NetworkAttachment(
        network.id(), settings.aliases(), settings.ipv4Address(), settings.macAddress());
  }

  private static String hostname(String given, String id, NetworkMode mode) {
    if (!given.isEmpty()) {
      return given;
    }
    if (mode instanceof NetworkMode.Host) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return id.substring(0, 12);
      }
    }
    return id.substring(0, 12);
  }

  private void deleteDirectory(String id, ContainerBundle bundle) {
    try {
      parts.runtime().remove(id, bundle);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while removing " + id, e);
    }
  }
}

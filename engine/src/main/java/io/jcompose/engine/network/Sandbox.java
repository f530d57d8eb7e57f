package io.jcompose.engine.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's network namespace and what is plugged into it, as the engine records it.
 *
 * @param namespace the name under {@code /var/run/netns}
 * @param attachments in the order they were made
 * @param ports the published ports as bound (host port filled in)
 */
record Sandbox(
    String containerId,
    String containerName,
    String namespace,
    List<Attachment> attachments,
    List<PortBinding> ports) {

  /**
   * One network's interface in the namespace.
   *
   * @param hostVeth the veth end on the bridge, in the host namespace
   * @param defaultRoute whether the namespace's default route goes through this network's gateway
   */
  record Attachment(
      String endpointId,
      String networkId,
      String interfaceName,
      String hostVeth,
      Cidr address,
      String macAddress,
      List<String> aliases,
      boolean defaultRoute) {
    Attachment {
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(networkId, "networkId");
      Objects.requireNonNull(interfaceName, "interfaceName");
      Objects.requireNonNull(hostVeth, "hostVeth");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(macAddress, "macAddress");
      aliases = List.copyOf(aliases);
    }

    Attachment withDefaultRoute(boolean value) {
      return new Attachment(
          endpointId, networkId, interfaceName, hostVeth, address, macAddress, aliases, value);
    }
  }

  Sandbox {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(namespace, "namespace");
    attachments = List.copyOf(attachments);
    ports = List.copyOf(ports);
  }

  Optional<Attachment> on(String networkId) {
    return attachments.stream().filter(each -> each.networkId().equals(networkId)).findFirst();
  }

  /** The interface outside traffic and published ports use: the default route's, else the first. */
  Optional<Attachment> primary() {
    return attachments.stream()
        .filter(Attachment::defaultRoute)
        .findFirst()
        .or(() -> attachments.stream().findFirst());
  }

  boolean hasDefaultRoute() {
    return attachments.stream().anyMatch(Attachment::defaultRoute);
  }

  /**
   * What a network's DNS answers with an attachment's address: container name, aliases and short
   * id, as docker (25+) lists them; nothing where the network resolves no names.
   */
  List<String> dnsNames(Attachment attachment, boolean networkResolvesNames) {
    if (!networkResolvesNames) {
      return List.of();
    }
    var names = new LinkedHashSet<String>();
    if (!containerName.isBlank()) {
      names.add(containerName);
    }
    attachment.aliases().stream().filter(alias -> !alias.isBlank()).forEach(names::add);
    names.add(containerId.substring(0, Math.min(12, containerId.length())));
    return List.copyOf(names);
  }

  /** The lowest {@code ethN} not in use. */
  String nextInterfaceName() {
    for (int index = 0; ; index++) {
      String candidate = "eth" + index;
      if (attachments.stream().noneMatch(each -> each.interfaceName().equals(candidate))) {
        return candidate;
      }
    }
  }

  Sandbox with(Attachment attachment) {
    var all = new ArrayList<>(attachments);
    all.add(attachment);
    return new Sandbox(containerId, containerName, namespace, all, ports);
  }

  Sandbox replacing(Attachment attachment) {
    var all = new ArrayList<Attachment>();
    for (Attachment each : attachments) {
      all.add(each.endpointId().equals(attachment.endpointId()) ? attachment : each);
    }
    return new Sandbox(containerId, containerName, namespace, all, ports);
  }

  Sandbox without(String endpointId) {
    var all = new ArrayList<>(attachments);
    all.removeIf(each -> each.endpointId().equals(endpointId));
    return new Sandbox(containerId, containerName, namespace, all, ports);
  }

  Sandbox withPorts(List<PortBinding> published) {
    return new Sandbox(containerId, containerName, namespace, attachments, published);
  }
}

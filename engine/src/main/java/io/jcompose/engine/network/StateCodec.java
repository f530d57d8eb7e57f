package io.jcompose.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.proxy.Protocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON records of networks and sandboxes. Their shapes are the stored format, kept apart from
 * the domain records so that either can change with an explicit translation.
 */
final class StateCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  record StoredNetwork(
      String id,
      String name,
      String driver,
      String created,
      boolean internal,
      boolean attachable,
      Map<String, String> labels,
      Map<String, String> options) {}

  record StoredAttachment(
      String endpointId,
      String networkId,
      String interfaceName,
      String hostVeth,
      String address,
      String macAddress,
      List<String> aliases,
      boolean defaultRoute) {}

  record StoredPort(int containerPort, String protocol, String hostIp, int hostPort) {}

  record StoredSandbox(
      String containerId,
      String containerName,
      String namespace,
      List<StoredAttachment> attachments,
      List<StoredPort> ports) {}

  private StateCodec() {}

  static String encode(Network network) {
    return write(
        new StoredNetwork(
            network.id(),
            network.name(),
            network.driver(),
            network.created().toString(),
            network.internal(),
            network.attachable(),
            network.labels(),
            network.options()));
  }

  /** The addressing is IPAM's and is joined in by the caller. */
  static Network decodeNetwork(String text, Optional<Addressing> addressing) {
    StoredNetwork stored = read(text, StoredNetwork.class);
    return new Network(
        stored.id(),
        stored.name(),
        stored.driver(),
        Instant.parse(stored.created()),
        stored.internal(),
        stored.attachable(),
        stored.labels() == null ? Map.of() : stored.labels(),
        stored.options() == null ? Map.of() : stored.options(),
        addressing);
  }

  static String encode(Sandbox sandbox) {
    return write(
        new StoredSandbox(
            sandbox.containerId(),
            sandbox.containerName(),
            sandbox.namespace(),
            sandbox.attachments().stream()
                .map(
                    each ->
                        new StoredAttachment(
                            each.endpointId(),
                            each.networkId(),
                            each.interfaceName(),
                            each.hostVeth(),
                            each.address().toString(),
                            each.macAddress(),
                            each.aliases(),
                            each.defaultRoute()))
                .toList(),
            sandbox.ports().stream()
                .map(
                    port ->
                        new StoredPort(
                            port.containerPort(),
                            port.protocol().apiName(),
                            port.hostIp(),
                            port.hostPort()))
                .toList()));
  }

  static Sandbox decodeSandbox(String text) {
    StoredSandbox stored = read(text, StoredSandbox.class);
    return new Sandbox(
        stored.containerId(),
        stored.containerName(),
        stored.namespace(),
        stored.attachments() == null
            ? List.of()
            : stored.attachments().stream()
                .map(
                    each ->
                        new Sandbox.Attachment(
                            each.endpointId(),
                            each.networkId(),
                            each.interfaceName(),
                            each.hostVeth(),
                            Cidr.parse(each.address()),
                            each.macAddress(),
                            each.aliases() == null ? List.of() : each.aliases(),
                            each.defaultRoute()))
                .toList(),
        stored.ports() == null
            ? List.of()
            : stored.ports().stream()
                .map(
                    port ->
                        new PortBinding(
                            port.containerPort(),
                            Protocol.parse(port.protocol()),
                            port.hostIp(),
                            port.hostPort()))
                .toList());
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new EngineFault.Internal("cannot encode " + value, e);
    }
  }

  private static <T> T read(String text, Class<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new EngineFault.Internal("a network record is damaged: " + text, e);
    }
  }
}

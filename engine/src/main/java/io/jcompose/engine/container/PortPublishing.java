package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which ports a container publishes, from {@code PortBindings} and {@code PublishAllPorts}, and how
 * inspect and list report them once bound. A binding on every address is reported twice, for {@code
 * 0.0.0.0} and {@code ::}, as dockerd does.
 */
final class PortPublishing {

  private static final String ANY_IPV4 = "0.0.0.0";
  private static final String ANY_IPV6 = "::";

  /** A bound port as the API reports it. */
  record Reported(PortKey port, String hostIp, int hostPort) {}

  private PortPublishing() {}

  /**
   * The bindings to ask the network for at start: host port 0 where the engine picks.
   *
   * @throws EngineFault.InvalidArgument for a host port or address that is not one
   */
  static List<PortBinding> requested(Container container) {
    HostSettings.Networking networking = container.host().networking();
    var bindings = new ArrayList<PortBinding>();
    var bound = new LinkedHashSet<String>();
    for (var entry : new TreeMap<>(networking.portBindings()).entrySet()) {
      PortKey key = PortKey.parse(entry.getKey());
      bound.add(key.text());
      for (HostSettings.HostPort hostPort : entry.getValue()) {
        if (hostPort.hostIp().contains(":")) {
          continue;
        }
        bindings.add(binding(key, hostPort.hostIp(), hostPort(hostPort.hostPort())));
      }
    }
    if (networking.publishAllPorts()) {
      for (String exposed : container.config().exposedPorts()) {
        PortKey key = PortKey.parse(exposed);
        if (bound.add(key.text())) {
          bindings.add(binding(key, "", 0));
        }
      }
    }
    return bindings;
  }

  /**
   * {@code NetworkSettings.Ports}: every exposed or bound port of a running container, with its
   * bindings or {@code null}; nothing for a container that is not running.
   */
  static Map<String, List<Reported>> byPort(
      Container container, List<PortBinding> published, boolean running) {
    var ports = new LinkedHashMap<String, List<Reported>>();
    if (!running) {
      return ports;
    }
    var keys = new LinkedHashSet<String>();
    container.config().exposedPorts().forEach(port -> keys.add(PortKey.parse(port).text()));
    container
        .host()
        .networking()
        .portBindings()
        .keySet()
        .forEach(port -> keys.add(PortKey.parse(port).text()));
    for (String key : keys) {
      ports.put(key, null);
    }
    for (Reported reported : reported(published)) {
      List<Reported> list = ports.get(reported.port().text());
      if (list == null) {
        list = new ArrayList<>();
        ports.put(reported.port().text(), list);
      }
      list.add(reported);
    }
    return ports;
  }

  /** Each bound port as list reports it; the {@code 0.0.0.0} ones also as {@code ::}. */
  static List<Reported> reported(List<PortBinding> published) {
    var reported = new ArrayList<Reported>();
    for (PortBinding binding : published) {
      var key = new PortKey(binding.containerPort(), binding.protocol());
      reported.add(new Reported(key, binding.hostIp(), binding.hostPort()));
      if (binding.hostIp().equals(ANY_IPV4)) {
        reported.add(new Reported(key, ANY_IPV6, binding.hostPort()));
      }
    }
    return reported;
  }

  private static PortBinding binding(PortKey key, String hostIp, int hostPort) {
    try {
      return new PortBinding(key.port(), key.protocol(), hostIp, hostPort);
    } catch (IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument(e.getMessage(), e);
    }
  }

  private static int hostPort(String text) {
    String first = text.contains("-") ? text.substring(0, text.indexOf('-')) : text;
    if (first.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(first.strip());
    } catch (NumberFormatException e) {
      throw new EngineFault.InvalidArgument("invalid host port \"" + text + "\"");
    }
  }
}

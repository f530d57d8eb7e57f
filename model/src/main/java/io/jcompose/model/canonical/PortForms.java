package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;
import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.model.project.IpAddresses;
import io.jcompose.model.project.PortSpec;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * {@code ports}: short strings and numbers become one long-syntax entry per port ({@code mode,
 * host_ip, target, published, protocol}); long entries get the default mode and protocol.
 */
final class PortForms {

  private PortForms() {}

  static Node canonicalize(Node ports, YamlPath path, Problems problems) {
    if (!(ports instanceof SeqNode seq)) {
      return ports;
    }
    var items = new ArrayList<Node>();
    for (int i = 0; i < seq.size(); i++) {
      Node item = seq.get(i);
      YamlPath itemPath = path.index(i);
      if (item instanceof ScalarNode scalar && !scalar.isNull()) {
        try {
          for (PortSpec port : PortSpec.parse(scalar.text())) {
            items.add(toNode(port, scalar.position()));
          }
        } catch (IllegalArgumentException e) {
          if (problems.unparsable(
              scalar.position(),
              itemPath,
              e.getMessage(),
              "write [HOST_IP:][HOST[-HOST2]:]CONTAINER[-CONTAINER2][/PROTOCOL], e.g. 8080:80")) {
            items.add(scalar);
          }
        }
      } else if (item instanceof MapNode map) {
        items.add(longForm(map, itemPath, problems));
      } else {
        items.add(item);
      }
    }
    return seq.withItems(items);
  }

  private static MapNode longForm(MapNode port, YamlPath path, Problems problems) {
    MapNode result = Trees.withDefault(port, "mode", "ingress");
    result = Trees.withDefault(result, "protocol", "tcp");
    String hostIp = text(port.get("host_ip"));
    if (hostIp != null && !IpAddresses.isIp(hostIp)) {
      problems.unparsable(
          port.get("host_ip").position(),
          path.key("host_ip"),
          "invalid host_ip \"" + hostIp + "\": not an IP address",
          "use an IPv4 or IPv6 address such as 127.0.0.1 or ::1");
    }
    return result;
  }

  static MapNode toNode(PortSpec port, Position position) {
    var entries = new LinkedHashMap<String, Node>();
    if (port.name().isPresent()) {
      entries.put("name", scalar(port.name().get(), position));
    }
    entries.put("mode", scalar(port.mode(), position));
    if (port.hostIp().isPresent()) {
      entries.put("host_ip", scalar(port.hostIp().get(), position));
    }
    entries.put("target", scalar((long) port.target(), position));
    if (port.published().isPresent()) {
      entries.put("published", scalar(port.published().get(), position));
    }
    entries.put("protocol", scalar(port.protocol(), position));
    if (port.appProtocol().isPresent()) {
      entries.put("app_protocol", scalar(port.appProtocol().get(), position));
    }
    return Trees.map(entries, position);
  }
}

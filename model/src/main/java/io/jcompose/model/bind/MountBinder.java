package io.jcompose.model.bind;

import static io.jcompose.model.bind.NodeReader.bool;
import static io.jcompose.model.bind.NodeReader.bytes;
import static io.jcompose.model.bind.NodeReader.integer;
import static io.jcompose.model.bind.NodeReader.map;
import static io.jcompose.model.bind.NodeReader.string;
import static io.jcompose.model.bind.NodeReader.stringMap;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.PortSpec;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import java.util.ArrayList;
import java.util.List;

/** Binds canonical port and volume entries; entries that cannot be bound are skipped. */
final class MountBinder {

  private MountBinder() {}

  static List<PortSpec> ports(List<Node> items) {
    var ports = new ArrayList<PortSpec>();
    for (Node item : items) {
      if (item instanceof MapNode port && integer(port, "target").isPresent()) {
        try {
          ports.add(
              new PortSpec(
                  string(port, "name"),
                  string(port, "mode").orElse("ingress"),
                  string(port, "host_ip"),
                  integer(port, "target").get(),
                  string(port, "published"),
                  string(port, "protocol").orElse("tcp"),
                  string(port, "app_protocol")));
        } catch (IllegalArgumentException e) {
          // reported by the canonical stage (host_ip) or the schema (target range)
        }
      }
    }
    return ports;
  }

  static List<MountSpec> volumes(List<Node> items) {
    var mounts = new ArrayList<MountSpec>();
    for (Node item : items) {
      if (item instanceof MapNode volume && volume.text("type").isPresent()) {
        try {
          mounts.add(volume(volume));
        } catch (IllegalArgumentException e) {
          // an unknown type or a missing target was reported by the schema
        }
      }
    }
    return mounts;
  }

  private static MountSpec volume(MapNode volume) {
    return new MountSpec(
        MountSpec.Type.fromWord(volume.text("type").get()),
        string(volume, "source"),
        string(volume, "target").orElse(""),
        bool(volume, "read_only", false),
        map(volume, "bind")
            .map(
                bind ->
                    new MountSpec.BindOptions(
                        string(bind, "propagation"),
                        bool(bind, "create_host_path", true),
                        string(bind, "selinux"),
                        string(bind, "recursive"))),
        map(volume, "volume")
            .map(
                options ->
                    new MountSpec.VolumeOptions(
                        bool(options, "nocopy", false),
                        string(options, "subpath"),
                        stringMap(options, "labels"))),
        map(volume, "tmpfs")
            .map(tmpfs -> new MountSpec.TmpfsOptions(bytes(tmpfs, "size"), integer(tmpfs, "mode"))),
        string(volume, "consistency"));
  }
}

package io.jcompose.model.bind;

import static io.jcompose.model.bind.NodeReader.string;
import static io.jcompose.model.bind.NodeReader.stringMap;
import static io.jcompose.model.bind.NodeReader.strings;

import io.jcompose.model.project.BuildSpec;
import io.jcompose.schema.node.MapNode;
import java.util.Set;

/** Binds a canonical {@code build} mapping. */
final class BuildBinder {

  private static final Set<String> KNOWN =
      Set.of(
          "context",
          "dockerfile",
          "dockerfile_inline",
          "args",
          "target",
          "labels",
          "additional_contexts",
          "platforms",
          "tags");

  private BuildBinder() {}

  static BuildSpec bind(MapNode build) {
    return new BuildSpec(
        string(build, "context").orElse("."),
        string(build, "dockerfile"),
        string(build, "dockerfile_inline"),
        stringMap(build, "args"),
        string(build, "target"),
        stringMap(build, "labels"),
        stringMap(build, "additional_contexts"),
        strings(build, "platforms"),
        strings(build, "tags"),
        NodeReader.others(build, KNOWN));
  }
}

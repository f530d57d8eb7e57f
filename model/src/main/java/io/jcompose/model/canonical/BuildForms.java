package io.jcompose.model.canonical;

import io.jcompose.model.canonical.KeyValueForms.BareKey;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;

/**
 * {@code build}: a string becomes {@code {context}}; {@code context} defaults to {@code .} and
 * {@code dockerfile} to {@code Dockerfile} when normalising, unless {@code dockerfile_inline} is
 * given; list forms of args, labels, additional contexts, ssh and extra hosts become mappings.
 */
final class BuildForms {

  private BuildForms() {}

  static Node canonicalize(Node value, CanonicalContext context) {
    MapNode build;
    if (value instanceof ScalarNode scalar && !scalar.isNull()) {
      build = Trees.map(value.position()).with("context", scalar);
    } else if (value instanceof MapNode map) {
      build = map;
    } else {
      return value;
    }
    build = Trees.withDefault(build, "context", ".");
    if (context.normalize() && !build.has("dockerfile_inline")) {
      build = Trees.withDefault(build, "dockerfile", "Dockerfile");
    }
    BareKey bareArgument = context.normalize() ? BareKey.LOOKUP_OR_DROP : BareKey.NULL;
    MapNode result = build;
    for (var entry : build.entries().entrySet()) {
      Node field = entry.getValue();
      Node rewritten =
          switch (entry.getKey()) {
            case "args" -> KeyValueForms.toMap(field, bareArgument, context.environment());
            case "labels", "additional_contexts" ->
                KeyValueForms.toMap(field, BareKey.EMPTY, context.environment());
            case "ssh" -> KeyValueForms.ssh(field);
            case "extra_hosts" -> KeyValueForms.extraHosts(field);
            case "secrets" -> secrets(field);
            default -> field;
          };
      if (rewritten != field) {
        result = result.with(entry.getKey(), rewritten);
      }
    }
    return result.withTag(value.tag());
  }

  /** Build secrets named by a string become {@code {source}}. */
  private static Node secrets(Node secrets) {
    if (!(secrets instanceof SeqNode list)) {
      return secrets;
    }
    var items = new ArrayList<Node>();
    for (Node item : list.items()) {
      items.add(
          item instanceof ScalarNode scalar && !scalar.isNull()
              ? Trees.map(item.position()).with("source", scalar)
              : item);
    }
    return list.withItems(items);
  }
}

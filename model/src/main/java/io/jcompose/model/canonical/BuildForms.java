package io.jcompose.model.canonical;

import io.jcompose.model.canonical.KeyValueForms.BareKey;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;

/**
 * {@code build}: a string becomes {@code {context}}; {@code context} defaults to {@code .} and
 * {@code dockerfile} to {@code Dockerfile} when normalising, unless {@code dockerfile_inline} is
 * given; list forms of args, labels, additional contexts, ssh and extra hosts become mappings.
 */
final class BuildForms {

  private BuildForms() {}

  /** Build secrets named by a string become {@code {source}}. */
  private static Node secrets(Node secrets) {
    if (!(secrets instanceof SeqNode list)) {
      return secrets;
    }
    return list.withItems(
        list.items().stream()
            .map(
                item ->
                    item instanceof ScalarNode scalar && !scalar.isNull()
                        ? Trees.map(item.position()).with("source", scalar)
                        : item)
            .toList());
  }

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
    return build
        .map("args", args -> KeyValueForms.toMap(args, bareArgument, context.environment()))
        .map("labels", l -> KeyValueForms.toMap(l, BareKey.EMPTY, context.environment()))
        .map(
            "additional_contexts",
            c -> KeyValueForms.toMap(c, BareKey.EMPTY, context.environment()))
        .map("ssh", KeyValueForms::ssh)
        .map("extra_hosts", KeyValueForms::extraHosts)
        .map("secrets", BuildForms::secrets)
        .withTag(value.tag());
  }
}

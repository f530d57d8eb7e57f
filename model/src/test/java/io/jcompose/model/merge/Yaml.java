package io.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.parse.YamlParser;

/** Parses the YAML snippets the merge tests are written in. */
final class Yaml {

  private Yaml() {}

  static MapNode parse(String fileName, String text) {
    var result = YamlParser.parse(fileName, text);
    assertThat(result.diagnostics()).isEmpty();
    return (MapNode) result.documents().get(0);
  }

  /** The plain value of {@code text} parsed as one YAML document, for expected values. */
  static Object plain(String text) {
    return parse("expected.yaml", text).toPlain();
  }

  /** Merges the service {@code web} of two documents and returns it as plain values. */
  static Object mergedWeb(String base, String override) {
    MapNode merged =
        Merger.mergeDocuments(parse("base.yaml", base), parse("override.yaml", override));
    return at(merged, "services", "web").toPlain();
  }

  /** The node at {@code keys} under {@code node}. */
  static Node at(Node node, String... keys) {
    Node current = node;
    for (String key : keys) {
      current = ((MapNode) current).get(key);
    }
    return current;
  }
}

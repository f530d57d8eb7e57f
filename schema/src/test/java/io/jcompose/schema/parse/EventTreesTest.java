package io.jcompose.schema.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTreesTest {

  private static final List<String> SAMPLES =
      List.of(
          "a: 1\nb: \"1\"\nc: true\nd: yes\ne: ~\nf: 1.5\ng: 0x10\nh: ${VAR}\ni: '2'\nj: -.inf\n",
          "services:\n  web:\n    image: a\n    ports: [\"80:80\", 443]\n    x: {a: 1, b: [1, 2]}\n",
          "l: |\n  text\n  more\nm: >\n  folded\n  text\nn:\no: null\np: !!str 12\nq: !!int \"7\"\n",
          "a: !reset []\nb: !override {x: 1}\nc: !reset\n",
          "x-base: &base\n  image: a\nweb:\n  <<: *base\n  image: b\n",
          "a: &v 1\nb: *v\n",
          "a: 1\na: 2\n",
          "a: !custom 1\n",
          "? [a]\n: 1\n",
          "---\na: 1\n---\n---\nb: 2\n...\n",
          "",
          "# only a comment\n",
          "a: [1, 2\n",
          "a: b: c\n",
          "\"<<\": 1\n'<<': {a: 1}\n",
          "a: !!merge 1\n",
          "- 1\n- two\n- [3]\n",
          "just text\n");

  @Test
  void parse_givesTheComposersTrees_forTheSamples() {
    for (String text : SAMPLES) {
      assertSameAsComposed("sample.yaml", text);
    }
  }

  @Test
  void parse_givesTheComposersTrees_forEveryFixture() throws IOException {
    Path root = sharedFolder().resolve("compose-spec/fixtures");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(100);
    for (Path file : files) {
      assertSameAsComposed(file.toString(), Files.readString(file));
    }
  }

  private static void assertSameAsComposed(String name, String text) {
    ParseResult parsed = YamlParser.parse(name, text);
    ParseResult composed = YamlParser.composed(name, text);
    assertThat(parsed.diagnostics()).as(name).isEqualTo(composed.diagnostics());
    assertThat(describe(parsed.documents())).as(name).isEqualTo(describe(composed.documents()));
  }

  /** Everything a node holds, positions and key positions included. */
  private static String describe(List<Node> nodes) {
    var out = new StringBuilder();
    for (Node node : nodes) {
      describe(node, out);
      out.append('\n');
    }
    return out.toString();
  }

  private static void describe(Node node, StringBuilder out) {
    out.append(node.position()).append(' ');
    if (node instanceof MapNode map) {
      out.append("map ").append(map.tag()).append(" {");
      for (var entry : new ArrayList<>(map.entries().entrySet())) {
        out.append(entry.getKey()).append('@').append(map.keyPosition(entry.getKey())).append(": ");
        describe(entry.getValue(), out);
        out.append(", ");
      }
      out.append('}');
    } else if (node instanceof SeqNode seq) {
      out.append("seq ").append(seq.tag()).append(" [");
      for (Node item : seq.items()) {
        describe(item, out);
        out.append(", ");
      }
      out.append(']');
    } else {
      ScalarNode scalar = (ScalarNode) node;
      Object value = scalar.value();
      out.append("scalar ")
          .append(scalar.tag())
          .append(' ')
          .append(value == null ? "null" : value.getClass().getSimpleName())
          .append(' ')
          .append(value);
    }
  }

  private static Path sharedFolder() {
    String configured = System.getProperty("jcompose.shared");
    return configured != null ? Path.of(configured) : Path.of("../../shared");
  }
}

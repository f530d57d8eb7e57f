package io.jcompose.schema.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlParserTest {

  private static MapNode parse(String text) {
    ParseResult result = YamlParser.parse("compose.yaml", text);
    assertThat(result.diagnostics()).isEmpty();
    return (MapNode) result.documents().get(0);
  }

  @Test
  void scalars_areTypedByTheYaml12CoreSchema() {
    MapNode root = parse("a: 1\nb: \"1\"\nc: true\nd: yes\ne: ~\nf: 1.5\ng: 0x10\nh: ${VAR}\n");
    var expected = new java.util.LinkedHashMap<String, Object>();
    expected.put("a", 1L);
    expected.put("b", "1");
    expected.put("c", true);
    expected.put("d", "yes");
    expected.put("e", null);
    expected.put("f", 1.5);
    expected.put("g", 16L);
    expected.put("h", "${VAR}");
    assertThat(root.toPlain()).isEqualTo(expected);
  }

  @Test
  void positions_areOneBasedLineAndColumn() {
    MapNode root = parse("services:\n  web:\n    image: nginx\n");
    MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
    assertThat(web.keyPosition("image")).hasToString("compose.yaml:3:5");
    assertThat(web.get("image").position()).hasToString("compose.yaml:3:12");
  }

  @Test
  void mergeKeys_fillInKeysNotWrittenLocally() {
    MapNode root =
        parse("x-base: &base\n  image: a\n  restart: always\nweb:\n  <<: *base\n  image: b\n");
    assertThat(((MapNode) root.get("web")).toPlain())
        .isEqualTo(Map.of("image", "b", "restart", "always"));
  }

  @Test
  void resetAndOverrideTags_areKept() {
    MapNode root = parse("a: !reset []\nb: !override\n  c: 1\n");
    assertThat(root.get("a").tag()).isEqualTo(Tag.RESET);
    assertThat(root.get("b").tag()).isEqualTo(Tag.OVERRIDE);
  }

  @Test
  void duplicateKeys_areErrorsAtTheSecondKey() {
    ParseResult result = YamlParser.parse("f.yaml", "a: 1\nb: 2\na: 3\n");
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).position()).hasToString("f.yaml:3:1");
    assertThat(result.diagnostics().get(0).message()).contains("already defined at line 1");
  }

  @Test
  void unknownTags_areErrors() {
    ParseResult result = YamlParser.parse("f.yaml", "a: !secret x\n");
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics().get(0).message()).contains("!secret");
  }

  @Test
  void syntaxErrors_areLocated() {
    ParseResult result = YamlParser.parse("f.yaml", "a: [1, 2\nb: 3\n");
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics().get(0).position().line()).isGreaterThan(0);
  }

  @Test
  void aliasBombs_areRefusedNotExpanded() {
    var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      text.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        text.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      text.append("]\n");
    }
    ParseResult result = YamlParser.parse("bomb.yaml", text.toString());
    assertThat(result.hasErrors()).isTrue();
  }

  @Test
  void multipleDocuments_areReturnedInOrder() {
    ParseResult result = YamlParser.parse("f.yaml", "a: 1\n---\nb: 2\n");
    assertThat(result.documents()).hasSize(2);
    Node second = result.documents().get(1);
    assertThat(((MapNode) second).get("b")).isInstanceOf(ScalarNode.class);
    assertThat(SeqNode.class).isNotNull();
  }

  @Test
  void leadingZeroIntegers_areOctalAsDockerComposeReadsThem() {
    MapNode root = parse("mode: 0440\nnew: 0o755\nport: 08\nzero: 0\n");
    assertThat(((ScalarNode) root.get("mode")).value()).isEqualTo(288L);
    assertThat(((ScalarNode) root.get("new")).value()).isEqualTo(493L);
    assertThat(((ScalarNode) root.get("port")).value()).isEqualTo(8L);
    assertThat(((ScalarNode) root.get("zero")).value()).isEqualTo(0L);
  }

  @Test
  void deepNesting_isADiagnosticNotACrash() {
    for (int depth : new int[] {150, 20_000}) {
      String text = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
      ParseResult result = YamlParser.parse("deep.yaml", text);
      assertThat(result.hasErrors()).as("depth " + depth).isTrue();
      assertThat(result.diagnostics().get(0).message()).contains("nested more than 100 levels");
    }
    var block = new StringBuilder();
    for (int level = 0; level < 150; level++) {
      block.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    assertThat(YamlParser.parse("deep.yaml", block + "  ".repeat(150) + "x: 1\n").hasErrors())
        .isTrue();
  }
}

package io.jcompose.model.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import io.jcompose.schema.node.YamlPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpolatorTreeTest {

  private static final Map<String, String> ENVIRONMENT = Map.of("TAG", "1.2", "PORT", "8080");

  private final Interpolator interpolator =
      new Interpolator(name -> Optional.ofNullable(ENVIRONMENT.get(name)));
  private final Diagnostics diagnostics = new Diagnostics();

  private static Position at(int line, int column) {
    return new Position("compose.yaml", line, column);
  }

  private static MapNode map(Position position, Object... keysAndValues) {
    var entries = new LinkedHashMap<String, Node>();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      entries.put((String) keysAndValues[index], (Node) keysAndValues[index + 1]);
    }
    return MapNode.of(entries, position);
  }

  @Test
  void interpolateTree_interpolatesStringValuesButNotKeys() {
    Node root = map(at(1, 1), "$TAG", ScalarNode.of("app:$TAG", at(1, 7)));

    MapNode result = (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);

    assertThat(result.entries()).containsOnlyKeys("$TAG");
    assertThat(result.text("$TAG")).contains("app:1.2");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void interpolateTree_interpolatesInsideSequencesAndNestedMappings() {
    Node root =
        map(
            at(1, 1),
            "services",
            map(
                at(2, 3),
                "web",
                map(
                    at(3, 5),
                    "ports",
                    SeqNode.of(
                        List.of(
                            ScalarNode.of("${PORT}:80", at(5, 9)), ScalarNode.of("443", at(6, 9))),
                        at(5, 7)))));

    Node result = interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);

    assertThat(result.toPlain())
        .isEqualTo(Map.of("services", Map.of("web", Map.of("ports", List.of("8080:80", "443")))));
  }

  @Test
  void interpolateTree_returnsSameTreeWhenNothingChanges() {
    Node root = Node.fromPlain(Map.of("a", List.of("x", 1L, true), "b", "$$literal"), at(1, 1));
    Node withoutDollars = Node.fromPlain(Map.of("a", List.of("x", 1L, true)), at(1, 1));

    assertThat(interpolator.interpolateTree(withoutDollars, YamlPath.ROOT, diagnostics))
        .isSameAs(withoutDollars);
    MapNode result = (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);
    assertThat(result.get("a")).isSameAs(((MapNode) root).get("a"));
    assertThat(result.text("b")).contains("$literal");
  }

  @Test
  void interpolateTree_keepsUntouchedSiblingsIdentical() {
    MapNode untouched = map(at(2, 3), "image", ScalarNode.of("db", at(2, 10)));
    SeqNode list =
        SeqNode.of(
            List.of(ScalarNode.of("keep", at(4, 5)), ScalarNode.of("v$TAG", at(5, 5))), at(4, 3));
    MapNode root = map(at(1, 1), "db", untouched, "list", list);

    MapNode result = (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);

    assertThat(result).isNotSameAs(root);
    assertThat(result.get("db")).isSameAs(untouched);
    SeqNode newList = (SeqNode) result.get("list");
    assertThat(newList.get(0)).isSameAs(list.get(0));
    assertThat(((ScalarNode) newList.get(1)).value()).isEqualTo("v1.2");
  }

  @Test
  void interpolateTree_keepsPositionsTagsAndKeyPositions() {
    ScalarNode value = new ScalarNode("$TAG", at(3, 12), Tag.OVERRIDE);
    MapNode root =
        new MapNode(Map.of("image", value), Map.of("image", at(3, 5)), at(3, 5), Tag.RESET);

    MapNode result = (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);

    assertThat(result.tag()).isEqualTo(Tag.RESET);
    assertThat(result.keyPosition("image")).isEqualTo(at(3, 5));
    ScalarNode newValue = (ScalarNode) result.get("image");
    assertThat(newValue.position()).isEqualTo(at(3, 12));
    assertThat(newValue.tag()).isEqualTo(Tag.OVERRIDE);
    assertThat(newValue.value()).isEqualTo("1.2");
  }

  @Test
  void interpolateTree_leavesNonStringScalarsAlone() {
    Node root = Node.fromPlain(List.of(8080L, 1.5, false), at(1, 1));
    root =
        ((SeqNode) root).withItems(List.of(((SeqNode) root).get(0), ScalarNode.nullAt(at(2, 1))));

    assertThat(interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics)).isSameAs(root);
  }

  @Test
  void interpolateTree_reportsErrorAtScalarAndKeepsValue() {
    ScalarNode bad = ScalarNode.of("${TAG/1/2}", at(4, 12));
    ScalarNode required = ScalarNode.of("${SECRET:?set SECRET}", at(5, 12));
    Node root =
        map(
            at(1, 1),
            "services",
            map(at(2, 3), "web", map(at(3, 5), "image", bad, "user", required)));

    MapNode result = (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics);

    MapNode web = (MapNode) ((MapNode) result.get("services")).get("web");
    assertThat(web.get("image")).isSameAs(bad);
    assertThat(web.get("user")).isSameAs(required);
    assertThat(diagnostics.errors())
        .extracting(Diagnostic::position, d -> d.path().toString(), Diagnostic::message)
        .containsExactly(
            tuple(
                at(4, 12),
                "services.web.image",
                "invalid interpolation format for \"${TAG/1/2}\": \"${TAG/1/2}\" is not"
                    + " supported; use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error},"
                    + " ${VAR?error}, ${VAR:+alternate} or ${VAR+alternate}. You may need to"
                    + " escape any $ with another $"),
            tuple(
                at(5, 12),
                "services.web.user",
                "required variable SECRET is missing a value: set SECRET"));
  }

  @Test
  void interpolateTree_warnsOncePerUnsetVariableWithPathUnderGivenRoot() {
    SeqNode environment =
        SeqNode.of(
            List.of(
                ScalarNode.of("A=1", at(7, 9)), ScalarNode.of("B=$UNSET-$UNSET-$OTHER", at(8, 9))),
            at(7, 7));
    YamlPath base = YamlPath.of("services", "web");

    MapNode result =
        (MapNode)
            interpolator.interpolateTree(
                map(at(6, 5), "environment", environment), base, diagnostics);

    assertThat(result.get("environment").toPlain()).isEqualTo(List.of("A=1", "B=--"));
    assertThat(diagnostics.errors()).isEmpty();
    assertThat(diagnostics.warnings())
        .extracting(Diagnostic::position, d -> d.path().toString(), Diagnostic::message)
        .containsExactly(
            tuple(
                at(8, 9),
                "services.web.environment[1]",
                "The \"UNSET\" variable is not set. Defaulting to a blank string."),
            tuple(
                at(8, 9),
                "services.web.environment[1]",
                "The \"OTHER\" variable is not set. Defaulting to a blank string."));
  }

  @Test
  void interpolateTree_handlesAThousandServicesQuickly() {
    var services = new LinkedHashMap<String, Object>();
    for (int index = 0; index < 1000; index++) {
      var service = new LinkedHashMap<String, Object>();
      service.put("image", "registry.example.com/app-" + index + ":${TAG:-latest}");
      service.put("ports", List.of("${PORT}:80", "9" + index + ":9000"));
      service.put("environment", Map.of("A", "plain", "B", "$$escaped", "C", "${MISSING-default}"));
      service.put("labels", List.of("x=y", "z=w"));
      services.put("service" + index, service);
    }
    Node root = Node.fromPlain(Map.of("services", services), at(1, 1));

    MapNode result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> (MapNode) interpolator.interpolateTree(root, YamlPath.ROOT, diagnostics));

    MapNode last = (MapNode) ((MapNode) result.get("services")).get("service999");
    assertThat(last.text("image")).contains("registry.example.com/app-999:1.2");
    assertThat(last.get("ports").toPlain()).isEqualTo(List.of("8080:80", "9999:9000"));
    assertThat(diagnostics.sorted()).isEmpty();
  }
}

package io.jcompose.model.render;

import static io.jcompose.model.render.Trees.doc;
import static io.jcompose.model.render.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private final MapNode document =
      doc(
          "services",
          map(
              "web",
              map(
                  "ports",
                  new ArrayList<>(List.of(map("target", 80L, "published", "8080"))),
                  "image",
                  "nginx",
                  "command",
                  null,
                  "environment",
                  map("Z", "a\"b\\c\nd\u0001", "A", "x"),
                  "cap_add",
                  new ArrayList<>(),
                  "labels",
                  map(),
                  "read_only",
                  true,
                  "cpus",
                  1.5)),
          "name",
          "demo");

  @Test
  void write_pretty_indentsTwoSpacesAndOrdersKeys() {
    assertThat(CanonicalJson.write(document, true))
        .isEqualTo(
            """
            {
              "name": "demo",
              "services": {
                "web": {
                  "cap_add": [],
                  "command": null,
                  "cpus": 1.5,
                  "environment": {
                    "A": "x",
                    "Z": "a\\"b\\\\c\\nd\\u0001"
                  },
                  "image": "nginx",
                  "labels": {},
                  "ports": [
                    {
                      "published": "8080",
                      "target": 80
                    }
                  ],
                  "read_only": true
                }
              }
            }
            """);
  }

  @Test
  void write_compact_hasNoWhitespace() {
    assertThat(CanonicalJson.write(document, false))
        .isEqualTo(
            "{\"name\":\"demo\",\"services\":{\"web\":{\"cap_add\":[],\"command\":null,"
                + "\"cpus\":1.5,\"environment\":{\"A\":\"x\",\"Z\":\"a\\\"b\\\\c\\nd\\u0001\"},"
                + "\"image\":\"nginx\",\"labels\":{},\"ports\":[{\"published\":\"8080\","
                + "\"target\":80}],\"read_only\":true}}}");
  }

  @Test
  void write_scalarsAndListsAtTheRoot() {
    assertThat(CanonicalJson.write(Node.fromPlain(List.of("a", 1L), Position.UNKNOWN), false))
        .isEqualTo("[\"a\",1]");
    assertThat(CanonicalJson.write(Node.fromPlain("x", Position.UNKNOWN), true))
        .isEqualTo("\"x\"\n");
  }
}

package io.jcompose.model.render;

import static io.jcompose.model.render.Trees.doc;
import static io.jcompose.model.render.Trees.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalYamlTest {

  private static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  @Test
  void write_ordersTopLevelLikeDockerComposeAndSortsEverythingElse() {
    MapNode document =
        doc(
            "x-common", map("b", 1L, "a", 2L),
            "volumes", map("data", map("name", "demo_data")),
            "services",
                map(
                    "web",
                    map(
                        "image", "nginx:1.27",
                        "command", list("nginx", "-g", "daemon off;"),
                        "ports",
                            list(
                                map(
                                    "target", 80L,
                                    "published", "8080",
                                    "protocol", "tcp",
                                    "mode", "ingress")),
                        "environment", map("DEBUG", "true", "EMPTY", "", "UNSET", null)),
                    "db",
                    map("image", "postgres:16")),
            "networks", map("default", map("name", "demo_default")),
            "name", "demo",
            "zzz", "other");

    assertThat(CanonicalYaml.write(document))
        .isEqualTo(
            """
            name: demo
            services:
              db:
                image: postgres:16
              web:
                command:
                  - nginx
                  - -g
                  - daemon off;
                environment:
                  DEBUG: "true"
                  EMPTY: ""
                  UNSET: null
                image: nginx:1.27
                ports:
                  - mode: ingress
                    protocol: tcp
                    published: "8080"
                    target: 80
            networks:
              default:
                name: demo_default
            volumes:
              data:
                name: demo_data
            x-common:
              a: 2
              b: 1
            zzz: other
            """);
  }

  @Test
  void write_printsEmptyCollectionsInFlowStyle() {
    MapNode document =
        doc("services", map("web", map("networks", map("default", null), "cap_add", list())));

    assertThat(CanonicalYaml.write(document))
        .isEqualTo(
            """
            services:
              web:
                cap_add: []
                networks:
                  default: null
            """);
    assertThat(CanonicalYaml.write(MapNode.empty(Position.UNKNOWN))).isEqualTo("{}\n");
    assertThat(CanonicalYaml.write(doc("x-empty", map()))).isEqualTo("x-empty: {}\n");
  }

  @Test
  void write_nestsListsAndMapsInsideLists() {
    MapNode document =
        doc("x-matrix", list(list("a", "b"), map("k", list("v")), map(), list(), 1.5, true));

    assertThat(CanonicalYaml.write(document))
        .isEqualTo(
            """
            x-matrix:
              - - a
                - b
              - k:
                  - v
              - {}
              - []
              - 1.5
              - true
            """);
  }

  @Test
  void write_quotesStringsThatWouldReadAsAnotherType() {
    var values =
        map(
            "a", "8080",
            "b", "true",
            "c", "null",
            "d", "",
            "e", " padded ",
            "f", "key: value",
            "g", "value #comment",
            "h", "*alias",
            "i", "line1\nline2\t\"q\"\\",
            "j", "1.5e3",
            "k", "yes",
            "l", "-",
            "m", "0x1F",
            "n", "~",
            "o", "bell\u0007",
            "p", "trailing:");
    assertThat(CanonicalYaml.write(doc("x-q", values)))
        .isEqualTo(
            """
            x-q:
              a: "8080"
              b: "true"
              c: "null"
              d: ""
              e: " padded "
              f: "key: value"
              g: "value #comment"
              h: "*alias"
              i: "line1\\nline2\\t\\"q\\"\\\\"
              j: "1.5e3"
              k: "yes"
              l: "-"
              m: "0x1F"
              "n": "~"
              o: "bell\\x07"
              p: "trailing:"
            """);
  }

  @Test
  void write_leavesOrdinaryStringsPlain() {
    var values =
        map(
            "a", "nginx:1.27",
            "b", "-Xmx512m",
            "c", "http://example.com/#frag",
            "d", "./data:/var/lib/data:ro",
            "e", "1.2.3",
            "f", "CMD-SHELL",
            "g", "é日本",
            "h", "a,b[c]{d}");
    assertThat(CanonicalYaml.write(doc("x-p", values)))
        .isEqualTo(
            """
            x-p:
              a: nginx:1.27
              b: -Xmx512m
              c: http://example.com/#frag
              d: ./data:/var/lib/data:ro
              e: 1.2.3
              f: CMD-SHELL
              g: é日本
              h: a,b[c]{d}
            """);
  }

  @Test
  void write_quotesKeysThatNeedIt_andSortsByCodePoint() {
    MapNode document =
        doc("x-k", map("b", 1L, "8080", 2L, "B", 3L, "\uD83D\uDE00", 4L, "\uFF5E", 5L, "a b", 6L));

    assertThat(CanonicalYaml.write(document))
        .isEqualTo(
            """
            x-k:
              "8080": 2
              B: 3
              a b: 6
              b: 1
              \uFF5E: 5
              \uD83D\uDE00: 4
            """);
  }
}

package io.jcompose.model.merge;

import static io.jcompose.model.merge.Yaml.at;
import static io.jcompose.model.merge.Yaml.mergedWeb;
import static io.jcompose.model.merge.Yaml.parse;
import static io.jcompose.model.merge.Yaml.plain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {

  @Test
  void merge_resetRemovesServiceKey() {
    Object web =
        mergedWeb(
            "services: {web: {image: nginx, command: [a, b], ports: ['80:80']}}",
            "services: {web: {command: !reset [], ports: !reset null, user: !reset null}}");

    assertThat(web).isEqualTo(plain("{image: nginx}"));
  }

  @Test
  void merge_overrideReplacesServiceKeyInsteadOfMerging() {
    Object web =
        mergedWeb(
            "services: {web: {ports: ['80:80', '443:443'], environment: {A: '1', B: '2'}}}",
            "services: {web: {ports: !override ['8080:80'], environment: !override {C: '3'}}}");

    assertThat(web).isEqualTo(plain("{ports: ['8080:80'], environment: {C: '3'}}"));
  }

  @Test
  void merge_resetListEntryRemovesInheritedEntryWithSameKey() {
    Object web =
        mergedWeb(
            "services: {web: {ports: ['80:80', '443:443'], volumes: [data:/data, ./src:/app],"
                + " cap_add: [NET_ADMIN, SYS_TIME]}}",
            "services: {web: {ports: [!reset '80:80'], volumes: [!reset /data, /tmp],"
                + " cap_add: [!reset SYS_TIME]}}");

    assertThat(web)
        .isEqualTo(
            plain("{ports: ['443:443'], volumes: [./src:/app, /tmp], cap_add: [NET_ADMIN]}"));
  }

  @Test
  void merge_resetMappingEntryRemovesItInEitherForm() {
    Object web =
        mergedWeb(
            """
            services:
              web:
                environment: [A=1, B=2]
                labels: {a: '1', b: '2'}
                depends_on: [db, cache]
                networks: [front, back]
            """,
            """
            services:
              web:
                environment: {B: !reset null, C: '3'}
                labels: {b: !reset null}
                depends_on: {cache: !reset null}
                networks: [!reset back]
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                environment: [A=1, C=3]
                labels: {a: '1'}
                depends_on: {db: {condition: service_started, required: true}}
                networks: {front: null}
                """));
  }

  @Test
  void merge_resetAndOverrideApplyToTopLevelResources() {
    MapNode merged =
        Merger.mergeDocuments(
            parse(
                "base.yaml",
                """
                services: {web: {image: nginx}, debug: {image: busybox}}
                networks: {front: {}, back: {driver: overlay}}
                volumes: {data: {driver: nfs, driver_opts: {share: /x}}}
                """),
            parse(
                "override.yaml",
                """
                services: {debug: !reset null}
                networks: {back: !reset null}
                volumes: {data: !override {driver: local}}
                """));

    assertThat(merged.toPlain())
        .isEqualTo(
            plain(
                """
                services: {web: {image: nginx}}
                networks: {front: {}}
                volumes: {data: {driver: local}}
                """));
  }

  @Test
  void merge_resetOfAbsentKeyAddsNothing() {
    Object web =
        mergedWeb("services: {web: {image: nginx}}", "services: {web: {command: !reset null}}");

    assertThat(web).isEqualTo(plain("{image: nginx}"));
  }

  @Test
  void merge_leavesNoTagInResult() {
    MapNode merged =
        Merger.mergeDocuments(
            parse("base.yaml", "services: {web: {environment: {A: '1'}, ports: ['80:80']}}"),
            parse(
                "override.yaml",
                """
                services:
                  web:
                    environment: !override {A: '2', B: !reset null}
                    ports: !override [!override '81:80', !reset '82:80']
                  new:
                    labels: !override {x: !reset null, y: '1'}
                    deploy: {resources: !override {limits: {cpus: !override '1'}}}
                """));

    assertThat(tagsIn(merged)).containsOnly(Tag.NONE);
    assertThat(at(merged, "services").toPlain())
        .isEqualTo(
            plain(
                """
                web: {environment: {A: '2'}, ports: ['81:80']}
                new: {labels: {y: '1'}, deploy: {resources: {limits: {cpus: '1'}}}}
                """));
  }

  @Test
  void mergeService_resetsCommandInheritedThroughExtends() {
    MapNode document =
        parse(
            "compose.yaml",
            """
            services:
              init:
                image: alpine:latest
                command: "sleep infinity"
              base:
                extends: { service: init }
                command: !reset
            """);
    var local = ((MapNode) at(document, "services", "base")).without("extends");

    MapNode merged = Merger.mergeService((MapNode) at(document, "services", "init"), local);

    assertThat(merged.toPlain()).isEqualTo(plain("{image: alpine:latest}"));
  }

  @Test
  void applyTags_dropsResetEntriesAndClearsOverrideTags() {
    Node tagged =
        parse(
            "compose.yaml",
            """
            services:
              web:
                image: nginx
                command: !reset [a]
                ports: !override ['80:80', !reset '81:81']
                environment: {A: !override '1', B: !reset null}
            """);

    Node applied = Merger.applyTags(tagged);

    assertThat(applied.toPlain())
        .isEqualTo(
            plain("services: {web: {image: nginx, ports: ['80:80'], environment: {A: '1'}}}"));
    assertThat(tagsIn(applied)).containsOnly(Tag.NONE);
  }

  @Test
  void applyTags_returnsTreeWithoutTagsUnchanged() {
    Node clean = parse("compose.yaml", "services: {web: {image: nginx, ports: ['80:80']}}");

    assertThat(Merger.applyTags(clean)).isSameAs(clean);
  }

  private static List<Tag> tagsIn(Node node) {
    var tags = new ArrayList<Tag>();
    collectTags(node, tags);
    return tags;
  }

  private static void collectTags(Node node, List<Tag> tags) {
    tags.add(node.tag());
    if (node instanceof MapNode map) {
      map.entries().values().forEach(value -> collectTags(value, tags));
    } else if (node instanceof SeqNode seq) {
      seq.items().forEach(item -> collectTags(item, tags));
    }
  }
}

package io.jcompose.model.merge;

import static io.jcompose.model.merge.Yaml.at;
import static io.jcompose.model.merge.Yaml.parse;
import static io.jcompose.model.merge.Yaml.plain;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.SeqNode;
import org.junit.jupiter.api.Test;

class DocumentMergeTest {

  private static final String BASE =
      """
      name: shop
      services:
        web:
          image: nginx:1
          ports: ["80:80", "443:443"]
        db:
          image: postgres
      x-common: {a: 1}
      """;

  private static final String OVERRIDE =
      """
      services:
        web:
          image: nginx:2
          ports: ["443:443"]
          restart: always
      x-common: {b: 2}
      """;

  @Test
  void merge_keepsEachNodeAtThePositionItWasWritten() {
    MapNode merged =
        Merger.mergeDocuments(parse("base.yaml", BASE), parse("override.yaml", OVERRIDE));
    var web = (MapNode) at(merged, "services", "web");

    assertThat(web.get("image").position()).isEqualTo(new Position("override.yaml", 3, 12));
    assertThat(web.keyPosition("image")).isEqualTo(new Position("base.yaml", 4, 5));
    assertThat(web.keyPosition("restart")).isEqualTo(new Position("override.yaml", 5, 5));
    assertThat(web.get("restart").position()).isEqualTo(new Position("override.yaml", 5, 14));
    var ports = (SeqNode) web.get("ports");
    assertThat(ports.get(0).position().file()).isEqualTo("base.yaml");
    assertThat(ports.get(1).position()).isEqualTo(new Position("override.yaml", 4, 13));
    assertThat(at(merged, "services", "db", "image").position().file()).isEqualTo("base.yaml");
  }

  @Test
  void merge_sharesInheritedSubtreesTheOverrideDoesNotTouch() {
    MapNode base = parse("base.yaml", BASE);

    MapNode merged = Merger.mergeDocuments(base, parse("override.yaml", OVERRIDE));

    assertThat(at(merged, "services", "db")).isSameAs(at(base, "services", "db"));
  }

  @Test
  void merge_leavesInputsUnchanged() {
    MapNode base = parse("base.yaml", BASE);
    MapNode override = parse("override.yaml", OVERRIDE);
    Object baseBefore = base.toPlain();
    Object overrideBefore = override.toPlain();

    Merger.mergeDocuments(base, override);

    assertThat(base.toPlain()).isEqualTo(baseBefore);
    assertThat(override.toPlain()).isEqualTo(overrideBefore);
  }

  @Test
  void merge_appliesThreeFilesInOrder() {
    MapNode first = parse("compose.yaml", BASE);
    MapNode second = parse("compose.override.yaml", OVERRIDE);
    MapNode third =
        parse(
            "compose.prod.yaml",
            """
            name: shop-prod
            services:
              web:
                ports: !override ["8443:443"]
                environment: [MODE=prod]
              db:
                environment: {POSTGRES_DB: shop}
            x-common: {a: 10}
            """);

    MapNode merged = Merger.mergeDocuments(Merger.mergeDocuments(first, second), third);

    assertThat(merged.toPlain())
        .isEqualTo(
            plain(
                """
                name: shop-prod
                services:
                  web:
                    image: nginx:2
                    ports: ["8443:443"]
                    restart: always
                    environment: [MODE=prod]
                  db:
                    image: postgres
                    environment: {POSTGRES_DB: shop}
                x-common: {a: 10, b: 2}
                """));
    assertThat(at(merged, "services", "web", "image").position().file())
        .isEqualTo("compose.override.yaml");
  }

  @Test
  void merge_matchesIpamConfigEntriesBySubnet() {
    MapNode merged =
        Merger.mergeDocuments(
            parse(
                "base.yaml",
                """
                networks:
                  front:
                    ipam:
                      driver: default
                      config:
                        - {subnet: 172.28.0.0/16, gateway: 172.28.0.1}
                        - {subnet: 10.0.0.0/24}
                """),
            parse(
                "override.yaml",
                """
                networks:
                  front:
                    ipam:
                      config:
                        - {subnet: 172.28.0.0/16, ip_range: 172.28.5.0/24}
                        - {subnet: 192.168.0.0/24}
                """));

    assertThat(at(merged, "networks", "front", "ipam").toPlain())
        .isEqualTo(
            plain(
                """
                driver: default
                config:
                  - {subnet: 172.28.0.0/16, gateway: 172.28.0.1, ip_range: 172.28.5.0/24}
                  - {subnet: 10.0.0.0/24}
                  - {subnet: 192.168.0.0/24}
                """));
  }

  @Test
  void merge_appendsIncludeAndMergesOtherTopLevelResources() {
    MapNode merged =
        Merger.mergeDocuments(
            parse(
                "base.yaml",
                "include: [a.yaml]\nsecrets: {token: {file: ./token}}\nmodels: {llm: {model: a}}"),
            parse(
                "override.yaml",
                "include: [b.yaml]\nsecrets: {token: {file: ./t2}}\nconfigs: {c: {content: x}}"));

    assertThat(merged.toPlain())
        .isEqualTo(
            plain(
                """
                include: [a.yaml, b.yaml]
                secrets: {token: {file: ./t2}}
                models: {llm: {model: a}}
                configs: {c: {content: x}}
                """));
  }

  @Test
  void merge_overridesEveryServiceOfAThousandServiceFile() {
    var base = new StringBuilder("services:\n");
    var override = new StringBuilder("services:\n");
    for (int i = 0; i < 1000; i++) {
      base.append("  s")
          .append(i)
          .append(":\n    image: app:1\n    environment: {A: '1', B: '2'}\n")
          .append("    ports: ['")
          .append(10000 + i)
          .append(":80']\n    volumes: [./data:/data, cache:/cache]\n")
          .append("    depends_on: [db]\n    labels: [tier=web]\n");
      override
          .append("  s")
          .append(i)
          .append(":\n    image: app:2\n    environment: [C=3]\n")
          .append(
              "    volumes: [./other:/data]\n    depends_on: {cache: {condition: service_healthy}}\n");
    }
    MapNode baseDocument = parse("base.yaml", base.toString());
    MapNode overrideDocument = parse("override.yaml", override.toString());
    MapNode merged = Merger.mergeDocuments(baseDocument, overrideDocument);

    assertThat(at(merged, "services", "s999").toPlain())
        .isEqualTo(
            plain(
                """
                image: app:2
                environment: [A=1, B=2, C=3]
                ports: ['10999:80']
                volumes: [./other:/data, cache:/cache]
                depends_on:
                  db: {condition: service_started, required: true}
                  cache: {condition: service_healthy}
                labels: [tier=web]
                """));
  }
}

package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizationTest {

  private static Fixture.Result normalized(String yaml) {
    return Fixture.run(yaml, Fixture.context(true, false, Map.of()));
  }

  @Test
  void servicesWithoutNetworksJoinTheDefaultNetworkWhichIsDeclaredAndNamed() {
    var result = normalized("services: {web: {image: x}}");

    assertThat(result.service("web", "networks"))
        .isEqualTo(Collections.singletonMap("default", null));
    assertThat(result.at("networks", "default")).isEqualTo(Map.of("name", "demo_default"));
  }

  @Test
  void emptyNetworksMappingAlsoMeansTheDefaultNetwork() {
    var result = normalized("services: {web: {image: x, networks: {}}}");

    assertThat(result.service("web", "networks"))
        .isEqualTo(Collections.singletonMap("default", null));
  }

  @Test
  void networkModeServicesGetNoImplicitNetworkAndNoDefaultIsDeclared() {
    var result = normalized("services: {web: {image: x, network_mode: host}}");

    assertThat(result.service("web", "networks")).isNull();
    assertThat(result.at("networks")).isNull();
  }

  @Test
  void withoutNormalizationNothingImplicitIsAdded() {
    var result = Fixture.forms("services: {web: {image: x, links: [db]}, db: {image: y}}");

    assertThat(result.service("web", "networks")).isNull();
    assertThat(result.service("web", "depends_on")).isNull();
  }

  @Test
  void everyResourceGetsAName() {
    var result =
        normalized(
            """
            services: {web: {image: x, networks: [front]}}
            networks:
              front: {}
              shared: {external: true}
              custom: {name: my-net}
            volumes:
              data:
            secrets:
              token: {file: ./token}
            """);

    assertThat(result.at("networks", "front", "name")).isEqualTo("demo_front");
    assertThat(result.at("networks", "shared", "name")).isEqualTo("shared");
    assertThat(result.at("networks", "custom", "name")).isEqualTo("my-net");
    assertThat(result.at("volumes", "data", "name")).isEqualTo("demo_data");
    assertThat(result.at("secrets", "token", "name")).isEqualTo("demo_token");
    assertThat(result.at("networks", "default")).isNull();
  }

  @Test
  void implicitDependsOnFromLinksNamespacesAndVolumesFrom() {
    var result =
        normalized(
            """
            services:
              web:
                image: x
                links: ["db:database"]
                ipc: service:cache
                volumes_from: ["files:ro", "container:other"]
              db: {image: x}
              cache: {image: x}
              files: {image: x}
            """);

    assertThat(result.service("web", "depends_on"))
        .isEqualTo(
            Map.of(
                "db",
                Map.of("condition", "service_started", "restart", true, "required", true),
                "cache",
                Map.of("condition", "service_started", "restart", true, "required", true),
                "files",
                Map.of("condition", "service_started", "restart", false, "required", true)));
  }

  @Test
  void implicitDependsOnNeverOverridesADeclaredOne() {
    var result =
        normalized(
            "services: {web: {image: x, network_mode: 'service:db',"
                + " depends_on: {db: {condition: service_healthy}}}, db: {image: y}}");

    assertThat(result.service("web", "depends_on", "db"))
        .isEqualTo(Map.of("condition", "service_healthy", "required", true));
  }

  @Test
  void deprecatedExternalNameIsRewrittenWithAWarning() {
    var result = Fixture.forms("volumes: {data: {external: {name: legacy}}}");

    assertThat(result.at("volumes", "data")).isEqualTo(Map.of("external", true, "name", "legacy"));
    assertThat(result.warnings()).singleElement().asString().contains("deprecated");
  }

  @Test
  void externalNameConflictingWithNameIsAnError() {
    var result = Fixture.forms("networks: {n: {name: a, external: {name: b}}}");

    assertThat(result.errors()).singleElement().asString().startsWith("conflicting names");
  }

  @Test
  void preStartHooksInheritTheServiceImage() {
    var result = normalized("services: {web: {image: app:1, pre_start: [{command: [migrate]}]}}");

    assertThat(result.service("web", "pre_start", 0, "image")).isEqualTo("app:1");
  }
}

package io.jcompose.model.bind;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.canonical.CanonicalContext;
import io.jcompose.model.canonical.Canonicalizer;
import io.jcompose.model.project.ByteSize;
import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.Project;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.parse.YamlParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectBinderTest {

  private static final Path DIRECTORY = Path.of("/work/shop");

  private final Diagnostics diagnostics = new Diagnostics();

  private Project load(String yaml) {
    var document = (MapNode) YamlParser.parse("compose.yaml", yaml).documents().get(0);
    var context =
        new CanonicalContext(
            "shop",
            DIRECTORY,
            key -> Optional.ofNullable(Map.of("TOKEN", "t0k").get(key)),
            true,
            true);
    MapNode canonical = Canonicalizer.canonicalize(document, context, diagnostics);
    return ProjectBinder.bind(
        canonical,
        "shop",
        DIRECTORY,
        List.of(DIRECTORY.resolve("compose.yaml")),
        Set.of("debug"),
        diagnostics);
  }

  private List<String> errors() {
    return diagnostics.errors().stream().map(Diagnostic::message).toList();
  }

  @Test
  void bind_typesAWebAndDatabaseProject() {
    Project project =
        load(
            """
            services:
              web:
                build: ./web
                command: npm start
                environment: [TOKEN, MODE=prod]
                ports: ["8080:80"]
                volumes: ["./web:/app:ro"]
                depends_on:
                  db: {condition: service_healthy}
                healthcheck: {test: curl -f localhost, interval: 1m30s, retries: "3"}
                stop_grace_period: 20s
                mem_limit: 512m
                cpus: "1.5"
                x-owner: team-a
                cap_add: [NET_ADMIN]
                sysctls: {net.core.somaxconn: 1024}
              db:
                image: postgres:16
                volumes: ["data:/var/lib/postgresql/data"]
                deploy: {replicas: 2, resources: {limits: {memory: 1g}}}
            volumes:
              data:
            x-common: 1
            """);

    assertThat(errors()).isEmpty();
    assertThat(project.services()).containsOnlyKeys("web", "db");
    assertThat(project.disabledServices()).containsExactly("debug");
    var web = project.service("web");
    assertThat(web.build().orElseThrow().context()).isEqualTo("/work/shop/web");
    assertThat(web.process().command()).contains(List.of("npm", "start"));
    assertThat(web.process().entrypoint()).isEmpty();
    assertThat(web.environment()).containsEntry("TOKEN", "t0k").containsEntry("MODE", "prod");
    assertThat(web.ports())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.target()).isEqualTo(80);
              assertThat(p.published()).contains("8080");
            });
    assertThat(web.volumes().get(0).type()).isEqualTo(MountSpec.Type.BIND);
    assertThat(web.volumes().get(0).source()).contains("/work/shop/web");
    assertThat(web.dependsOn())
        .containsEntry("db", new Dependency(Dependency.Condition.SERVICE_HEALTHY, true, false));
    assertThat(web.lifecycle().healthcheck().orElseThrow().test())
        .containsExactly("CMD-SHELL", "curl -f localhost");
    assertThat(web.lifecycle().healthcheck().orElseThrow().interval())
        .contains(Duration.ofSeconds(90));
    assertThat(web.lifecycle().healthcheck().orElseThrow().retries()).contains(3);
    assertThat(web.process().stopGracePeriod()).contains(Duration.ofSeconds(20));
    assertThat(web.runtime().memLimit()).contains(new ByteSize(536870912L));
    assertThat(web.runtime().cpus()).contains(1.5);
    assertThat(web.runtime().capAdd()).containsExactly("NET_ADMIN");
    assertThat(web.networking().networks()).containsOnlyKeys("default");
    assertThat(web.extensions()).containsEntry("x-owner", "team-a");
    assertThat(web.other()).containsEntry("sysctls", Map.of("net.core.somaxconn", "1024"));
    assertThat(web.scale()).isEqualTo(1);

    var db = project.service("db");
    assertThat(db.scale()).isEqualTo(2);
    assertThat(db.lifecycle().deploy().orElseThrow().resources().limits().memory())
        .contains(new ByteSize(1L << 30));
    assertThat(project.volumes().get("data").name()).isEqualTo("shop_data");
    assertThat(project.networks().get("default").name()).isEqualTo("shop_default");
    assertThat(project.extensions()).containsEntry("x-common", 1L);
  }

  @Test
  void bind_keepsServicesInFileOrder() {
    Project project = load("services: {zeta: {image: z}, alpha: {image: a}, mid: {image: m}}");

    assertThat(project.services().keySet()).containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void bind_scaleWinsOverDeployReplicas() {
    Project project = load("services: {a: {image: x, scale: 3}}");

    assertThat(project.service("a").scale()).isEqualTo(3);
  }

  @Test
  void bind_reportsContainerNameWithSeveralReplicasAndLeavesTheServiceOut() {
    Project project =
        load("services: {a: {image: x, container_name: fixed, scale: 2}, b: {image: y}}");

    assertThat(errors())
        .singleElement()
        .asString()
        .contains("a fixed container name allows one replica");
    assertThat(diagnostics.errors().get(0).path().toString()).isEqualTo("services.a");
    assertThat(project.services()).containsOnlyKeys("b");
  }

  @Test
  void bind_doesNotReportAgainWhatTheCanonicalStageReported() {
    Project project =
        load("services: {a: {image: x, healthcheck: {test: [curl, x]}, stop_grace_period: 5x}}");

    assertThat(errors())
        .hasSize(2)
        .anyMatch(m -> m.startsWith("healthcheck test must start with CMD"))
        .anyMatch(m -> m.equals("invalid duration \"5x\""));
    assertThat(project.services()).isEmpty();
  }

  @Test
  void bind_environmentKeepsUnsetVariablesAsNull() {
    Project project = load("services: {a: {image: x, environment: [MISSING]}}");

    assertThat(project.service("a").environment()).containsEntry("MISSING", null);
  }

  @Test
  void bind_emptyCommandListClearsTheImageCommand() {
    Project project = load("services: {a: {image: x, command: []}}");

    assertThat(project.service("a").process().command()).contains(List.of());
  }

  @Test
  void bind_resourcesOfEachKind() {
    Project project =
        load(
            """
            services: {a: {image: x, secrets: [token], configs: [{source: app, target: /app.conf, mode: "0440"}]}}
            networks: {ext: {external: true}}
            configs: {app: {content: "x=1"}}
            secrets: {token: {environment: TOKEN}}
            """);

    assertThat(errors()).isEmpty();
    assertThat(project.networks().get("ext").name()).isEqualTo("ext");
    assertThat(project.networks().get("ext").external()).isTrue();
    assertThat(project.configs().get("app").content()).contains("x=1");
    assertThat(project.secrets().get("token").environment()).contains("TOKEN");
    var storage = project.service("a").storage();
    assertThat(storage.secrets().get(0).target()).contains("/run/secrets/token");
    assertThat(storage.configs().get(0).mode()).contains(0440);
  }
}

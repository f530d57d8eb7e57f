package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathResolutionTest {

  private static Fixture.Result resolved(String yaml) {
    return Fixture.run(yaml, Fixture.context(false, true, Map.of("HOME", "/home/me")));
  }

  @Test
  void relativeHostPathsBecomeAbsoluteAgainstTheProjectDirectory() {
    var result =
        resolved(
            """
            services:
              app:
                build: {context: ./app, additional_contexts: {base: ../base, img: "docker-image://alpine"}}
                env_file: [.env, {path: conf/extra.env, required: false}]
                label_file: labels.txt
                volumes:
                  - ./src:/src:ro
                  - data:/data
                  - {type: bind, source: cache, target: /cache}
            configs:
              nginx: {file: ./nginx.conf}
            secrets:
              token: {file: /abs/token}
            """);

    assertThat(result.service("app", "build", "context")).isEqualTo("/work/project/app");
    assertThat(result.service("app", "build", "additional_contexts"))
        .isEqualTo(Map.of("base", "/work/base", "img", "docker-image://alpine"));
    assertThat(result.service("app", "env_file", 0, "path")).isEqualTo("/work/project/.env");
    assertThat(result.service("app", "env_file", 1, "path"))
        .isEqualTo("/work/project/conf/extra.env");
    assertThat(result.service("app", "label_file")).isEqualTo(List.of("/work/project/labels.txt"));
    assertThat(result.service("app", "volumes", 0, "source")).isEqualTo("/work/project/src");
    assertThat(result.service("app", "volumes", 1, "source")).isEqualTo("data");
    assertThat(result.service("app", "volumes", 2, "source")).isEqualTo("/work/project/cache");
    assertThat(result.at("configs", "nginx", "file")).isEqualTo("/work/project/nginx.conf");
    assertThat(result.at("secrets", "token", "file")).isEqualTo("/abs/token");
  }

  @Test
  void tildeExpandsToHome() {
    var result = resolved("services: {a: {image: x, volumes: ['~/.ssh:/root/.ssh:ro']}}");

    assertThat(result.service("a", "volumes", 0, "source")).isEqualTo("/home/me/.ssh");
  }

  @Test
  void includeEntriesAreResolvedInBothForms() {
    var result =
        RelativePaths.resolveDocument(
            Fixture.parse(
                "include: [sub/compose.yaml, {path: [a.yaml, b.yaml], project_directory: ..,"
                    + " env_file: x.env}]"),
            Path.of("/top"));

    assertThat(result.toPlain())
        .isEqualTo(
            Map.of(
                "include",
                List.of(
                    "/top/sub/compose.yaml",
                    Map.of(
                        "path", List.of("/top/a.yaml", "/top/b.yaml"),
                        "project_directory", "/",
                        "env_file", "/top/x.env"))));
  }

  @Test
  void remoteBuildContextIsLeftAlone() {
    var result = resolved("services: {a: {build: 'https://github.com/x/y.git#main'}}");

    assertThat(result.service("a", "build", "context"))
        .isEqualTo("https://github.com/x/y.git#main");
  }

  @Test
  void localVolumeDeviceIsResolvedOnlyForBindMounts() {
    var result =
        resolved(
            """
            volumes:
              bound: {driver: local, driver_opts: {type: none, o: bind, device: ./store}}
              nfs: {driver: local, driver_opts: {type: nfs, o: "addr=1.2.3.4", device: ":/x"}}
              other: {driver_opts: {o: bind, device: ./kept}}
            """);

    assertThat(result.at("volumes", "bound", "driver_opts", "device"))
        .isEqualTo("/work/project/store");
    assertThat(result.at("volumes", "nfs", "driver_opts", "device")).isEqualTo(":/x");
    assertThat(result.at("volumes", "other", "driver_opts", "device")).isEqualTo("./kept");
  }

  @Test
  void withoutPathResolutionPathsStayRelative() {
    var result = Fixture.forms("services: {a: {build: ./app, volumes: ['./src:/src']}}");

    assertThat(result.service("a", "build", "context")).isEqualTo("./app");
    assertThat(result.service("a", "volumes", 0, "source")).isEqualTo("./src");
  }

  @Test
  void relativePaths_resolveShortSyntaxOfAServiceFromAnotherDirectory() {
    var service =
        Fixture.parse(
            """
            build: ../ctx
            env_file: common.env
            volumes: ["./data:/data", "named:/named", "/abs:/abs"]
            extends: {file: base.yaml, service: base}
            """);

    var resolved = RelativePaths.resolveService(service, Path.of("/repo/sub"));

    assertThat(resolved.toPlain())
        .isEqualTo(
            Map.of(
                "build",
                "/repo/ctx",
                "env_file",
                "/repo/sub/common.env",
                "volumes",
                List.of("/repo/sub/data:/data", "named:/named", "/abs:/abs"),
                "extends",
                Map.of("file", "/repo/sub/base.yaml", "service", "base")));
  }

  @Test
  void relativePaths_resolveDocumentServicesAndResources() {
    var document =
        Fixture.parse(
            "services: {a: {image: x, env_file: [{path: a.env}]}}\nsecrets: {s: {file: s.txt}}");

    var resolved = RelativePaths.resolveDocument(document, Path.of("/inc"));

    assertThat(resolved.toPlain())
        .isEqualTo(
            Map.of(
                "services",
                Map.of(
                    "a", Map.of("image", "x", "env_file", List.of(Map.of("path", "/inc/a.env")))),
                "secrets",
                Map.of("s", Map.of("file", "/inc/s.txt"))));
  }
}

package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemanticChecksTest {

  @Test
  void configNeedsExactlyOneSource() {
    var result =
        Fixture.forms(
            "configs: {both: {file: ./a, content: x}, none: {labels: {a: b}}, ext: {external: true}}");

    assertThat(result.errors())
        .containsExactly(
            "config must set exactly one of file, environment, content (found 2)",
            "config must set exactly one of file, environment, content (found 0)");
  }

  @Test
  void secretNeedsFileOrEnvironmentUnlessProvidedByADriver() {
    var result = Fixture.forms("secrets: {a: {environment: TOKEN}, b: {}, c: {driver: vault}}");

    assertThat(result.errors())
        .containsExactly("secret must set exactly one of file, environment (found 0)");
    assertThat(result.diagnostics().errors().get(0).path().toString()).isEqualTo("secrets.b");
  }

  @Test
  void externalVolumeMayOnlyCarryAName() {
    var result =
        Fixture.forms("volumes: {data: {external: true, name: d, driver: local, x-note: 1}}");

    assertThat(result.errors())
        .containsExactly("conflicting parameters \"external\" and \"driver\" specified for volume");
  }

  @Test
  void deviceRequestWithCountAndDeviceIdsIsAnErrorAndOthersDefaultToCountAll() {
    var result =
        Fixture.forms(
            """
            services:
              a:
                image: x
                deploy:
                  resources:
                    reservations:
                      devices:
                        - {capabilities: [gpu], count: 1, device_ids: ["0"]}
                        - {capabilities: [gpu]}
            """);

    assertThat(result.errors()).containsExactly("device request sets both count and device_ids");
    assertThat(result.service("a", "deploy", "resources", "reservations", "devices", 1, "count"))
        .isEqualTo("all");
  }

  @Test
  void blankWatchPathIsAnError() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, develop: {watch: [{path: ' ', action: rebuild}]}}}");

    assertThat(result.errors()).containsExactly("develop.watch path cannot be empty");
  }
}

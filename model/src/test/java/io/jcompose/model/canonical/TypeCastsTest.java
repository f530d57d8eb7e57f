package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeCastsTest {

  @Test
  void booleans_castFromInterpolatedStrings() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, privileged: 'true', tty: 'False', read_only: 'false'}}");

    assertThat(result.service("a", "privileged")).isEqualTo(true);
    assertThat(result.service("a", "tty")).isEqualTo(false);
    assertThat(result.service("a", "read_only")).isEqualTo(false);
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void booleans_yesNoOnOffAreAcceptedWithAWarning() {
    var result = Fixture.forms("services: {a: {image: x, init: 'yes', stdin_open: 'off'}}");

    assertThat(result.service("a", "init")).isEqualTo(true);
    assertThat(result.service("a", "stdin_open")).isEqualTo(false);
    assertThat(result.warnings()).hasSize(2).allMatch(w -> w.contains("write true or false"));
  }

  @Test
  void booleans_inDependsOnAndResourcesAreCast() {
    var result =
        Fixture.forms(
            """
            services:
              a: {image: x, depends_on: {b: {condition: service_started, required: 'false'}}}
            networks:
              n: {external: 'true'}
            """);

    assertThat(result.service("a", "depends_on", "b", "required")).isEqualTo(false);
    assertThat(result.at("networks", "n", "external")).isEqualTo(true);
  }

  @Test
  void boolean_thatDoesNotCastNamesFieldValueAndExpectation() {
    var result = Fixture.forms("services: {a: {image: x, privileged: 'maybe'}}");

    var error = result.diagnostics().errors().get(0);
    assertThat(error.message())
        .isEqualTo("invalid value \"maybe\" for privileged: expected a boolean (true or false)");
    assertThat(error.path().toString()).isEqualTo("services.a.privileged");
  }

  @Test
  void integersAndFloats_castFromStrings() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, scale: '3', cpus: '0.5', pids_limit: '-1',"
                + " deploy: {replicas: '2'}, healthcheck: {retries: '5'},"
                + " ports: [{target: '8080'}], ulimits: {nofile: {soft: '1024', hard: '2048'}}}}");

    assertThat(result.service("a", "scale")).isEqualTo(3L);
    assertThat(result.service("a", "cpus")).isEqualTo(0.5);
    assertThat(result.service("a", "pids_limit")).isEqualTo(-1L);
    assertThat(result.service("a", "deploy", "replicas")).isEqualTo(2L);
    assertThat(result.service("a", "healthcheck", "retries")).isEqualTo(5L);
    assertThat(result.service("a", "ports", 0, "target")).isEqualTo(8080L);
    assertThat(result.service("a", "ulimits", "nofile", "hard")).isEqualTo(2048L);
  }

  @Test
  void integer_thatDoesNotCastIsReported() {
    var result = Fixture.forms("services: {a: {image: x, scale: 'three'}}");

    assertThat(result.errors())
        .containsExactly("invalid value \"three\" for scale: expected an integer");
  }

  @Test
  void durations_areValidatedAndKeptAsWritten() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, stop_grace_period: 1m30s,"
                + " healthcheck: {interval: 10s, timeout: 500ms, start_period: 10x}}}");

    assertThat(result.service("a", "stop_grace_period")).isEqualTo("1m30s");
    assertThat(result.service("a", "healthcheck", "interval")).isEqualTo("10s");
    var error = result.diagnostics().errors().get(0);
    assertThat(error.message()).isEqualTo("invalid duration \"10x\"");
    assertThat(error.path().toString()).isEqualTo("services.a.healthcheck.start_period");
    assertThat(error.position().isKnown()).isTrue();
  }

  @Test
  void byteSizes_areNormalizedToDecimalBytes() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, mem_limit: 512m, shm_size: 2g, memswap_limit: -1,"
                + " deploy: {resources: {limits: {memory: 1024}}}}}");

    assertThat(result.service("a", "mem_limit")).isEqualTo("536870912");
    assertThat(result.service("a", "shm_size")).isEqualTo("2147483648");
    assertThat(result.service("a", "memswap_limit")).isEqualTo("-1");
    assertThat(result.service("a", "deploy", "resources", "limits", "memory")).isEqualTo("1024");
  }

  @Test
  void byteSize_thatDoesNotParseIsReported() {
    var result = Fixture.forms("services: {a: {image: x, mem_limit: 12zb}}");

    assertThat(result.errors())
        .containsExactly(
            "invalid value \"12zb\" for mem_limit: expected a byte size like 512m or 2g");
  }

  @Test
  void exposeAndPublished_numbersBecomeStrings() {
    var result = Fixture.forms("services: {a: {image: x, expose: [3000, '4000/udp']}}");

    assertThat(result.service("a", "expose")).isEqualTo(java.util.List.of("3000", "4000/udp"));
  }
}

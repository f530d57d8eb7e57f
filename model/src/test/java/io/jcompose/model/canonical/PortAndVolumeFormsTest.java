package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAndVolumeFormsTest {

  @Test
  void ports_shortStringBecomesLongEntryWithStringPublishedAndIntTarget() {
    var result =
        Fixture.forms(
            """
            services:
              web:
                image: nginx
                ports:
                  - "127.0.0.1:8080:80"
                  - 9000
                  - "53:53/udp"
            """);

    assertThat(result.service("web", "ports"))
        .isEqualTo(
            List.of(
                Map.of(
                    "mode", "ingress",
                    "host_ip", "127.0.0.1",
                    "target", 80L,
                    "published", "8080",
                    "protocol", "tcp"),
                Map.of("mode", "ingress", "target", 9000L, "protocol", "tcp"),
                Map.of("mode", "ingress", "target", 53L, "published", "53", "protocol", "udp")));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void ports_containerRangeExpandsToOneEntryPerPort() {
    var result = Fixture.forms("services: {web: {image: x, ports: ['8000-8002:9000-9002']}}");

    assertThat((List<?>) result.service("web", "ports")).hasSize(3);
    assertThat(result.service("web", "ports", 2, "published")).isEqualTo("8002");
    assertThat(result.service("web", "ports", 2, "target")).isEqualTo(9002L);
  }

  @Test
  void ports_badPortIsReportedAtItsNodeAndDropped() {
    var result =
        Fixture.forms(
            """
            services:
              web:
                image: nginx
                ports:
                  - "80:x"
                  - "81:81"
            """);

    var error = result.diagnostics().errors().get(0);
    assertThat(error.message()).isEqualTo("invalid port \"80:x\": container port must be a number");
    assertThat(error.position().line()).isEqualTo(5);
    assertThat(error.position().column()).isEqualTo(9);
    assertThat(error.path().toString()).isEqualTo("services.web.ports[0]");
    assertThat((List<?>) result.service("web", "ports")).hasSize(1);
  }

  @Test
  void ports_longEntryGetsDefaultModeAndProtocolAndStringPublished() {
    var result =
        Fixture.forms("services: {web: {image: x, ports: [{target: '80', published: 8080}]}}");

    assertThat(result.service("web", "ports", 0))
        .isEqualTo(
            Map.of("target", 80L, "published", "8080", "mode", "ingress", "protocol", "tcp"));
  }

  @Test
  void ports_longEntryWithHostIpThatIsNotAnAddressIsAnError() {
    var result =
        Fixture.forms("services: {web: {image: x, ports: [{target: 80, host_ip: myhost}]}}");

    assertThat(result.errors()).containsExactly("invalid host_ip \"myhost\": not an IP address");
  }

  @Test
  void volumes_shortBindAndNamedAndAnonymousBecomeMounts() {
    var result =
        Fixture.forms(
            """
            services:
              db:
                image: postgres
                volumes:
                  - ./init:/docker-entrypoint-initdb.d:ro
                  - data:/var/lib/postgresql/data:nocopy
                  - /scratch
            """);

    assertThat(result.service("db", "volumes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type", "bind",
                    "source", "./init",
                    "target", "/docker-entrypoint-initdb.d",
                    "read_only", true,
                    "bind", Map.of("create_host_path", true)),
                Map.of(
                    "type", "volume",
                    "source", "data",
                    "target", "/var/lib/postgresql/data",
                    "volume", Map.of("nocopy", true)),
                Map.of("type", "volume", "target", "/scratch", "volume", Map.of())));
  }

  @Test
  void volumes_bindOptionsKeepPropagationAndSelinux() {
    var result = Fixture.forms("services: {a: {image: x, volumes: ['/h:/c:rslave,z']}}");

    assertThat(result.service("a", "volumes", 0, "bind"))
        .isEqualTo(Map.of("propagation", "rslave", "create_host_path", true, "selinux", "z"));
  }

  @Test
  void volumes_longBindGetsCreateHostPathAndCleanTarget() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, volumes: [{type: bind, source: /h, target: /c/../d/}]}}");

    assertThat(result.service("a", "volumes", 0, "target")).isEqualTo("/d");
    assertThat(result.service("a", "volumes", 0, "bind"))
        .isEqualTo(Map.of("create_host_path", true));
  }

  @Test
  void volumes_badShortSyntaxIsReported() {
    var result = Fixture.forms("services: {a: {image: x, volumes: ['a::/b']}}");

    assertThat(result.errors())
        .containsExactly("invalid volume \"a::/b\": empty section between colons");
  }
}

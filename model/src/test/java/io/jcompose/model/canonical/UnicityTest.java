package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnicityTest {

  @Test
  void ports_expandedRangeOverlappingALaterEntryKeepsOneEntryInTheFirstPlace() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, ports: ['8000-8001:8000-8001', '9000:9000',"
                + " {target: 8001, published: '8001', protocol: tcp, app_protocol: http}]}}");

    assertThat((List<?>) result.service("a", "ports")).hasSize(3);
    assertThat(result.service("a", "ports", 1, "app_protocol")).isEqualTo("http");
    assertThat(result.service("a", "ports", 2, "target")).isEqualTo(9000L);
  }

  @Test
  void volumes_laterMountOnTheSameTargetReplacesTheEarlierOne() {
    var result =
        Fixture.forms("services: {a: {image: x, volumes: ['one:/data', '/logs', 'two:/data/']}}");

    assertThat(result.service("a", "volumes"))
        .isEqualTo(
            List.of(
                Map.of("type", "volume", "source", "two", "target", "/data", "volume", Map.of()),
                Map.of("type", "volume", "target", "/logs", "volume", Map.of())));
  }

  @Test
  void secrets_identifiedByTheirEffectiveTarget() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, secrets: [token, {source: other, target:"
                + " /run/secrets/token}]}}");

    assertThat(result.service("a", "secrets"))
        .isEqualTo(List.of(Map.of("source", "other", "target", "/run/secrets/token")));
  }

  @Test
  void plainListsDropRepeatedValues() {
    var result =
        Fixture.forms("services: {a: {image: x, cap_add: [NET_ADMIN, SYS_TIME, NET_ADMIN]}}");

    assertThat(result.service("a", "cap_add")).isEqualTo(List.of("NET_ADMIN", "SYS_TIME"));
  }
}

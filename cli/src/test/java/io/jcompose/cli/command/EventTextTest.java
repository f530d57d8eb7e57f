package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.spi.RuntimeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTextTest {

  private static final RuntimeEvent START =
      new RuntimeEvent(
          "container",
          "start",
          "abc123",
          Map.of(
              "name", "demo-web-1",
              "image", "nginx",
              "com.docker.compose.service", "web",
              "com.docker.compose.project", "demo",
              "io.jcompose.config", "{}"),
          Instant.parse("2026-11-28T06:30:01.123456789Z"));

  @Test
  void json_isDockerComposesObjectWithoutComposeLabels() {
    assertThat(EventText.json(START, ZoneOffset.UTC))
        .isEqualTo(
            "{\"action\":\"start\",\"attributes\":{\"image\":\"nginx\",\"name\":\"demo-web-1\"},"
                + "\"id\":\"abc123\",\"service\":\"web\","
                + "\"time\":\"2026-11-28T06:30:01.123456789Z\",\"type\":\"container\"}");
  }

  @Test
  void plain_isTheTimeTheActionTheIdAndTheAttributes() {
    assertThat(EventText.plain(START, ZoneOffset.UTC))
        .isEqualTo(
            "2026-11-28 06:30:01.123456 container start abc123 (image=nginx, name=demo-web-1)\n");
  }

  @Test
  void shown_onlyContainerEventsOfTheServicesAndNoOneOffs() {
    assertThat(EventText.shown(START, Set.of())).isTrue();
    assertThat(EventText.shown(START, Set.of("web"))).isTrue();
    assertThat(EventText.shown(START, Set.of("db"))).isFalse();
    var network = new RuntimeEvent("network", "connect", "n1", Map.of(), START.time());
    assertThat(EventText.shown(network, Set.of())).isFalse();
    var oneOff =
        new RuntimeEvent(
            "container", "start", "x", Map.of("com.docker.compose.oneoff", "True"), START.time());
    assertThat(EventText.shown(oneOff, Set.of())).isFalse();
  }
}

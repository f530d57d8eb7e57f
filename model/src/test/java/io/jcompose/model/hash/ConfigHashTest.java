package io.jcompose.model.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHashTest {

  private static Map<String, Object> map(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static MapNode node(Map<String, Object> plain) {
    return (MapNode) Node.fromPlain(plain, Position.UNKNOWN);
  }

  private static Map<String, Object> minimal() {
    return map("image", "nginx:1.27", "networks", map("default", null));
  }

  private static Map<String, Object> full() {
    return map(
        "image",
        "registry.example.com/app:1.0",
        "environment",
        map("B", "2", "A", "<&>", "UNSET", null),
        "ports",
        new ArrayList<>(
            List.of(
                map(
                    "target", 8080L,
                    "published", "80",
                    "protocol", "tcp",
                    "mode", "ingress"))),
        "volumes",
        new ArrayList<>(
            List.of(
                map(
                    "type", "volume",
                    "target", "/data",
                    "source", "data",
                    "volume", map()))),
        "healthcheck",
        map("interval", "10s", "test", new ArrayList<>(List.of("CMD", "true")), "retries", 3L),
        "deploy",
        map("replicas", 2L),
        "extra_hosts",
        map("db", "10.0.0.2", "api", "10.0.0.3"),
        "read_only",
        false,
        "command",
        new ArrayList<>(List.of("serve", "--port", "8080")),
        "networks",
        map("backend", map("aliases", new ArrayList<>(List.of("app")))),
        "depends_on",
        map("db", map("condition", "service_healthy")),
        "build",
        map("context", "."),
        "profiles",
        new ArrayList<>(List.of("debug")),
        "x-owner",
        "team");
  }

  @Test
  void json_followsComposeGoFieldOrderAndOmitsEmptyFields() {
    assertThat(ConfigHash.json(node(minimal())))
        .isEqualTo(
            "{\"command\":null,\"entrypoint\":null,\"image\":\"nginx:1.27\","
                + "\"networks\":{\"default\":null}}");
    assertThat(ConfigHash.json(node(full())))
        .isEqualTo(
            "{\"command\":[\"serve\",\"--port\",\"8080\"],"
                + "\"deploy\":{\"resources\":{},\"placement\":{}},"
                + "\"entrypoint\":null,"
                + "\"environment\":{\"A\":\"\\u003c\\u0026\\u003e\",\"B\":\"2\",\"UNSET\":null},"
                + "\"extra_hosts\":[\"api=10.0.0.3\",\"db=10.0.0.2\"],"
                + "\"healthcheck\":{\"test\":[\"CMD\",\"true\"],\"interval\":\"10s\",\"retries\":3},"
                + "\"image\":\"registry.example.com/app:1.0\","
                + "\"networks\":{\"backend\":{\"aliases\":[\"app\"]}},"
                + "\"ports\":[{\"mode\":\"ingress\",\"target\":8080,\"published\":\"80\","
                + "\"protocol\":\"tcp\"}],"
                + "\"volumes\":[{\"type\":\"volume\",\"source\":\"data\",\"target\":\"/data\",\"volume\":{}}]}");
  }

  @Test
  void of_isPinnedByGoldenValues() {
    assertThat(ConfigHash.of(node(minimal())))
        .isEqualTo("35cb49ef2b427e33199ec130fd4fa2219dfb5858c58ba793400d99b97e093e4c");
    assertThat(ConfigHash.of(node(full())))
        .isEqualTo("f27b0c61299579be8bc689cc6e3aca023cb5e8a512db0affe3ae70772e43b3ef");
  }

  @Test
  void of_ignoresFieldsThatDoNotRecreateContainers() {
    var changed = full();
    changed.put("depends_on", map());
    changed.put("build", map("context", "./other"));
    changed.put("profiles", new ArrayList<>(List.of("other")));
    changed.put("deploy", map("replicas", 5L));
    changed.put("pull_policy", "always");
    changed.put("scale", 3L);
    changed.put("x-owner", "someone else");

    assertThat(ConfigHash.of(node(changed))).isEqualTo(ConfigHash.of(node(full())));
  }

  @Test
  void of_changesWhenAnEnvironmentValueChanges() {
    var changed = full();
    changed.put("environment", map("B", "3", "A", "<&>", "UNSET", null));

    assertThat(ConfigHash.of(node(changed))).isNotEqualTo(ConfigHash.of(node(full())));
  }

  @Test
  void of_doesNotDependOnKeyOrder() {
    var reordered = new LinkedHashMap<String, Object>();
    var keys = new ArrayList<>(full().keySet());
    java.util.Collections.reverse(keys);
    keys.forEach(key -> reordered.put(key, full().get(key)));

    assertThat(ConfigHash.of(node(reordered))).isEqualTo(ConfigHash.of(node(full())));
  }
}

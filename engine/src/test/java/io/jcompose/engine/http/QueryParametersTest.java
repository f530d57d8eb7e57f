package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.exchange;
import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class QueryParametersTest {

  @Test
  void booleansFollowDockerdOverTheWire() throws Exception {
    try (var server =
        TestServer.start(
            routes ->
                routes.get(
                    "/bool",
                    request ->
                        Response.json(
                            Map.of(
                                "force", request.query().bool("force"),
                                "v", request.query().bool("v", true)))))) {
      for (String falseValue : List.of("", "0", "no", "false", "False", "NONE", "%20false%20")) {
        assertThat(exchange(server.socket, get("/bool?v=x&force=" + falseValue)).bodyText())
            .as(falseValue)
            .contains("\"force\":false");
      }
      for (String trueValue : List.of("1", "true", "True", "yes", "anything")) {
        assertThat(exchange(server.socket, get("/bool?force=" + trueValue)).bodyText())
            .as(trueValue)
            .contains("\"force\":true");
      }
      assertThat(exchange(server.socket, get("/bool")).bodyText())
          .contains("\"force\":false")
          .contains("\"v\":true");
      assertThat(exchange(server.socket, get("/bool?v=False")).bodyText()).contains("\"v\":false");
    }
  }

  @Test
  void filtersArriveEncodedInListAndMapForms() throws Exception {
    try (var server =
        TestServer.start(
            routes ->
                routes.get(
                    "/filters",
                    request -> {
                      Filters filters = request.query().filters();
                      return Response.json(Map.of("label", filters.values("label")));
                    }))) {
      // docker-py writes spaces, encoded as +
      String list = "%7B%22label%22%3A+%5B%22a%3D1%22%2C+%22b%22%5D%7D";
      String map = "%7B%22label%22%3A%7B%22a%3D1%22%3Atrue%2C%22b%22%3Atrue%7D%7D";

      assertThat(exchange(server.socket, get("/filters?filters=" + list)).bodyText())
          .isEqualTo("{\"label\":[\"a=1\",\"b\"]}\n");
      assertThat(exchange(server.socket, get("/filters?filters=" + map)).bodyText())
          .isEqualTo("{\"label\":[\"a=1\",\"b\"]}\n");
      var bad = exchange(server.socket, get("/filters?filters=notjson"));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.bodyText()).startsWith("{\"message\":\"invalid filters notjson: ");
    }
  }

  @Test
  void integersAreParsedOrRefusedQuotingTheValue() {
    var query = QueryParameters.parse("t=10&limit=-1&tail=all&empty=");

    assertThat(query.integer("t")).hasValue(10);
    assertThat(query.integer("limit")).hasValue(-1);
    assertThat(query.integer("empty")).isEmpty();
    assertThat(query.integer("absent")).isEmpty();
    assertThatThrownBy(() -> query.integer("tail"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"all\"");
  }

  @Test
  void repeatedParametersKeepTheirOrder() {
    var query = QueryParameters.parse("t=a%3A1&t=b&path=%2Fa;b");

    assertThat(query.all("t")).containsExactly("a:1", "b");
    assertThat(query.get("path")).contains("/a;b");
  }

  @Test
  void labelFiltersMustAllHoldOtherKeysMatchAnyValue() {
    Filters filters =
        Filters.parse("{\"label\":[\"project=demo\",\"oneoff\"],\"name\":[\"web\",\"db\"]}");

    assertThat(filters.labelsMatch("label", Map.of("project", "demo", "oneoff", "False"))).isTrue();
    assertThat(filters.labelsMatch("label", Map.of("project", "demo"))).isFalse();
    assertThat(filters.labelsMatch("label", Map.of("project", "other", "oneoff", ""))).isFalse();
    assertThat(filters.exactMatch("name", "db")).isTrue();
    assertThat(filters.exactMatch("name", "cache")).isFalse();
    assertThat(filters.exactMatch("driver", "anything")).isTrue();
    assertThat(filters.fuzzyMatch("name", "web-1")).isTrue();
    assertThat(filters.patternMatch("name", "my-db-volume")).isTrue();
    assertThat(Filters.parse("{\"name\":{\"ridg\":true}}").patternMatch("name", "bridge")).isTrue();
  }

  @Test
  void unknownKeysAndBadBooleansAreRefused() {
    assertThatThrownBy(
            () -> Filters.parse("{\"bogus\":[\"x\"]}").requireKeys(java.util.Set.of("name")))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("Invalid filter 'bogus'");
    assertThat(Filters.parse("{\"dangling\":[\"1\"]}").bool("dangling")).contains(true);
    assertThat(Filters.parse("{\"dangling\":{\"false\":true}}").bool("dangling")).contains(false);
    assertThatThrownBy(() -> Filters.parse("{\"dangling\":[\"maybe\"]}").bool("dangling"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("Invalid filter 'dangling=maybe'");
    assertThat(Filters.parse("").isEmpty()).isTrue();
    assertThat(Filters.parse("null").isEmpty()).isTrue();
  }
}

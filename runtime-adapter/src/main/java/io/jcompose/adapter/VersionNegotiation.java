package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker-java does not negotiate: this asks the daemon for its highest API version with an
 * unversioned {@code GET /_ping} (its {@code Api-Version} header), falling back to {@code GET
 * /version}, and picks the lower of that and {@link ApiVersion#HIGHEST_TESTED}.
 */
final class VersionNegotiation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VersionNegotiation() {}

  /**
   * @throws RuntimeFault.Unavailable when the daemon does not answer or speaks only API levels
   *     below {@link ApiVersion#LOWEST_SUPPORTED}
   */
  static ApiVersion negotiate(DockerHttpClient http, Faults faults, String endpointDescription) {
    ApiVersion serverMax;
    try {
      serverMax = fromPing(http).or(() -> fromVersion(http)).orElse(ApiVersion.LOWEST_SUPPORTED);
    } catch (RuntimeException | IOException failure) {
      throw faults.unreachable(rootCause(failure), failure);
    }
    if (serverMax.isBelow(ApiVersion.LOWEST_SUPPORTED)) {
      throw new RuntimeFault.Unavailable(
          "the Docker endpoint "
              + endpointDescription
              + " speaks API "
              + serverMax
              + " at most; jcompose needs API "
              + ApiVersion.LOWEST_SUPPORTED
              + " or newer (Docker Engine 1.12 or newer)");
    }
    return ApiVersion.min(serverMax, ApiVersion.HIGHEST_TESTED);
  }

  private static Optional<ApiVersion> fromPing(DockerHttpClient http) throws IOException {
    try (var response = http.execute(get("/_ping"))) {
      response.getBody().readAllBytes();
      return header(response.getHeaders(), "Api-Version").map(ApiVersion::parse);
    }
  }

  private static Optional<ApiVersion> fromVersion(DockerHttpClient http) {
    try (var response = http.execute(get("/version"))) {
      if (response.getStatusCode() != 200) {
        return Optional.empty();
      }
      JsonNode version = JSON.readTree(response.getBody());
      return Optional.ofNullable(version.get("ApiVersion"))
          .map(JsonNode::asText)
          .map(ApiVersion::parse);
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  private static Request get(String path) {
    return Request.builder().method(Request.Method.GET).path(path).build();
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    for (var header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && !header.getValue().isEmpty()) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}

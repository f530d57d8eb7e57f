package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The few calls docker-java cannot make, sent over its transport at the negotiated version. */
final class RawApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerHttpClient http;
  private final ApiVersion apiVersion;
  private final Faults faults;

  RawApi(DockerHttpClient http, ApiVersion apiVersion, Faults faults) {
    this.http = http;
    this.apiVersion = apiVersion;
    this.faults = faults;
  }

  void delete(String pathAndQuery) {
    send(Request.Method.DELETE, pathAndQuery);
  }

  /**
   * A POST without a body.
   *
   * @return the status code (below 400; 304 means "nothing to do")
   */
  int post(String pathAndQuery) {
    return send(Request.Method.POST, pathAndQuery);
  }

  private int send(Request.Method method, String pathAndQuery) {
    Request request =
        Request.builder().method(method).path("/v" + apiVersion + pathAndQuery).build();
    try (var response = http.execute(request)) {
      byte[] body = response.getBody().readAllBytes();
      int status = response.getStatusCode();
      if (status >= 300 && status != 304) {
        throw Faults.forStatus(status, message(body, status), null);
      }
      return status;
    } catch (IOException | RuntimeException failure) {
      throw faults.map(failure);
    }
  }

  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String message(byte[] body, int status) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    try {
      JsonNode parsed = JSON.readTree(text);
      if (parsed != null && parsed.hasNonNull("message")) {
        return parsed.get("message").asText();
      }
    } catch (IOException notJson) {
      // the raw text below
    }
    return text.isEmpty() ? "HTTP status " + status : text;
  }
}

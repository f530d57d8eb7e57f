package io.jcompose.adapter;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests whose response (or request) body is a stream, sent over docker-java's transport at the
 * negotiated version: the archive API, streamed stats. A status of 300 or more becomes a fault.
 */
final class RawExchange {

  private final DockerHttpClient http;
  private final ApiVersion apiVersion;
  private final Faults faults;

  RawExchange(DockerHttpClient http, ApiVersion apiVersion, Faults faults) {
    this.http = http;
    this.apiVersion = apiVersion;
    this.faults = faults;
  }

  /**
   * Sends the request and returns the open response (status below 300); the caller closes it.
   *
   * @param method {@code GET}, {@code HEAD}, {@code PUT} ...
   * @param body the request body, sent chunked
   */
  Response open(String method, String pathAndQuery, Optional<InputStream> body) {
    return open(method, pathAndQuery, body, Map.of());
  }

  /** Like {@link #open(String, String, Optional)}, with these request headers. */
  Response open(
      String method, String pathAndQuery, Optional<InputStream> body, Map<String, String> headers) {
    var builder = Request.builder().method(method).path("/v" + apiVersion + pathAndQuery);
    body.ifPresent(stream -> builder.body(stream).putHeader("Content-Type", "application/x-tar"));
    headers.forEach(builder::putHeader);
    Response response;
    try {
      response = http.execute(builder.build());
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
    int status = response.getStatusCode();
    if (status < 300) {
      return response;
    }
    try (response) {
      byte[] text = method.equals("HEAD") ? new byte[0] : response.getBody().readAllBytes();
      throw Faults.forStatus(status, RawApi.message(text, status), null);
    } catch (IOException failure) {
      throw faults.map(failure);
    }
  }

  /** A response header, whatever the case of its name. */
  static Optional<String> header(Response response, String name) {
    for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && !header.getValue().isEmpty()) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  Faults faults() {
    return faults;
  }
}

package io.jcompose.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A routed request, as a handler sees it. */
public final class Request {

  /** JSON bodies are small; a larger one is refused rather than read into memory. */
  private static final int MAX_JSON_BODY = 16 << 20;

  private final Exchange exchange;
  private final String path;
  private final ApiVersion apiVersion;
  private final Map<String, String> pathParameters;
  private final QueryParameters query;

  Request(
      Exchange exchange,
      String path,
      ApiVersion apiVersion,
      Map<String, String> pathParameters,
      QueryParameters query) {
    this.exchange = exchange;
    this.path = path;
    this.apiVersion = apiVersion;
    this.pathParameters = Map.copyOf(pathParameters);
    this.query = query;
  }

  public String method() {
    return exchange.method();
  }

  /** The decoded path without the {@code /vX.Y} prefix. */
  public String path() {
    return path;
  }

  /** The version the client asked for in the prefix, or the maximum when it gave none. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  /**
   * A {@code {name}} or {@code {name...}} segment of the route, URL-decoded.
   *
   * @throws IllegalArgumentException when the route has no such parameter
   */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no parameter {" + name + "}");
    }
    return value;
  }

  public QueryParameters query() {
    return query;
  }

  /** A request header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.request().headers().get(name));
  }

  /**
   * The body as it arrives (Content-Length or chunked), never held whole in memory; read it on the
   * handler's thread. Unread rest is dropped after the response.
   */
  public InputStream body() {
    return exchange.body();
  }

  /**
   * The body read as JSON into a wire DTO; empty when there is no body (bodyless POSTs come with
   * {@code Content-Length: 0} and any content type).
   *
   * @throws EngineFault.InvalidArgument when the body is not JSON of that shape
   */
  public <T> Optional<T> bodyAs(Class<T> type) throws IOException {
    byte[] bytes = body().readNBytes(MAX_JSON_BODY + 1);
    if (bytes.length > MAX_JSON_BODY) {
      throw new EngineFault.InvalidArgument(
          "the JSON request body is larger than " + (MAX_JSON_BODY >> 20) + " MiB");
    }
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(WireJson.mapper().readValue(bytes, type));
    } catch (JsonProcessingException e) {
      throw new EngineFault.InvalidArgument(
          "invalid JSON in the request body: " + e.getOriginalMessage(), e);
    }
  }

  /** Whether the client has hung up (or shut down its side of a plain HTTP exchange). */
  public boolean clientGone() {
    return exchange.clientGone();
  }

  /**
   * Runs {@code action} once when the client hangs up, at once if it already has: waiters and
   * followers use it to stop. It runs on a network thread, so it must only signal, not block.
   */
  public void whenClientGone(Runnable action) {
    exchange.whenClientGone(action);
  }

  @Override
  public String toString() {
    return method() + " " + exchange.request().uri();
  }
}

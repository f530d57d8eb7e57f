package io.jcompose.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HTTP to one repository of one registry, authenticated on demand: a request answered 401 is
 * retried once with what the {@code WWW-Authenticate} challenge asks for (a bearer token from the
 * realm for the transport's actions, anonymous or with the client's credentials, or basic
 * credentials), and that authorization is kept for the following requests.
 */
final class RegistryTransport {

  /** The token scope actions of a pull. */
  static final String PULL = "pull";

  /** The token scope actions of a push. */
  static final String PUSH = "pull,push";

  private static final int REDIRECTS = 5;

  private final HttpClient client;
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final String actions;
  private final BearerTokens tokens;
  private volatile Optional<String> authorization = Optional.empty();

  RegistryTransport(
      RegistryConnector.Connection connection,
      String repository,
      Optional<RegistryCredentials> credentials,
      String actions) {
    this.client = connection.client();
    this.endpoint = connection.endpoint();
    this.repository = repository;
    this.actions = actions;
    this.tokens =
        new BearerTokens(client, credentials, endpoint.plainHttp() || endpoint.isLoopback());
  }

  RegistryEndpoint endpoint() {
    return endpoint;
  }

  /** {@code /v2/<repository>/<resource>} on the registry. */
  URI uri(String resource) {
    return endpoint.uri("/v2/" + repository + "/" + resource);
  }

  /**
   * A {@code Location} the registry answered with, absolute or relative to it.
   *
   * @throws RegistryException.Refused when it leads from TLS to plain HTTP
   */
  URI location(String location) {
    URI origin = endpoint.uri("/v2/");
    URI resolved = origin.resolve(location);
    refuseDowngrade(origin, resolved);
    return resolved;
  }

  /**
   * GETs {@code /v2/<repository>/<resource>}, following redirects; the caller closes the body.
   *
   * @param firstByte where to start ({@code Range: bytes=N-}) when above 0
   * @throws RegistryException.Unreachable when the registry cannot be reached
   */
  HttpResponse<InputStream> get(String resource, List<String> accept, long firstByte)
      throws InterruptedException {
    URI uri = uri(resource);
    var headers = new java.util.LinkedHashMap<String, String>();
    if (!accept.isEmpty()) {
      headers.put("Accept", String.join(", ", accept));
    }
    if (firstByte > 0) {
      headers.put("Range", "bytes=" + firstByte + "-");
    }
    return authenticated(credentials -> follow(uri, headers, credentials));
  }

  /**
   * Sends a request that is not redirected ({@code HEAD}, {@code POST}, {@code PUT}); the caller
   * closes the body.
   *
   * @param body made anew for a retry after a challenge; {@code noBody()} for none
   * @throws RegistryException.Unreachable when the registry cannot be reached
   */
  HttpResponse<InputStream> send(
      String method, URI uri, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body)
      throws InterruptedException {
    return authenticated(credentials -> sendOnce(method, uri, headers, body.get(), credentials));
  }

  @FunctionalInterface
  private interface Attempt {
    HttpResponse<InputStream> send(Optional<String> authorization) throws InterruptedException;
  }

  private HttpResponse<InputStream> authenticated(Attempt attempt) throws InterruptedException {
    HttpResponse<InputStream> response = attempt.send(authorization);
    if (response.statusCode() != 401) {
      return response;
    }
    Optional<AuthChallenge> challenge =
        response.headers().firstValue("WWW-Authenticate").flatMap(AuthChallenge::parse);
    close(response);
    if (challenge.isEmpty()) {
      throw new RegistryException.Unauthorized("unauthorized: authentication required");
    }
    authorization = Optional.of(tokens.authorization(challenge.get(), repository, actions));
    return attempt.send(authorization);
  }

  /**
   * Sends a GET, following up to {@link #REDIRECTS} redirects (blob storage often lives elsewhere)
   * without the registry's {@code Authorization}, which is not the other host's.
   */
  private HttpResponse<InputStream> follow(
      URI uri, Map<String, String> headers, Optional<String> authorization)
      throws InterruptedException {
    URI target = uri;
    Optional<String> credentials = authorization;
    for (int redirect = 0; ; redirect++) {
      HttpResponse<InputStream> response =
          sendOnce("GET", target, headers, HttpRequest.BodyPublishers.noBody(), credentials);
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status < 300 || status >= 400 || status == 304 || location.isEmpty()) {
        return response;
      }
      close(response);
      if (redirect >= REDIRECTS) {
        throw new RegistryException.Refused("too many redirects from " + uri);
      }
      URI next = target.resolve(location.get());
      refuseDowngrade(target, next);
      if (!sameOrigin(next, target)) {
        credentials = Optional.empty();
      }
      target = next;
    }
  }

  private HttpResponse<InputStream> sendOnce(
      String method,
      URI uri,
      Map<String, String> headers,
      HttpRequest.BodyPublisher body,
      Optional<String> credentials)
      throws InterruptedException {
    var request = HttpRequest.newBuilder(uri).method(method, body);
    headers.forEach(request::header);
    // the registry's credentials go to the registry only, never to a host an upload or a
    // redirect named
    credentials
        .filter(value -> sameOrigin(uri, endpoint.uri("/")))
        .ifPresent(value -> request.header("Authorization", value));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      String verb = method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
      throw new RegistryException.Unreachable(
          verb + " \"" + uri + "\": " + TransportFailures.describe(e, uri), e);
    }
  }

  /** Same scheme, host and port (the scheme's default when none is written). */
  static boolean sameOrigin(URI one, URI other) {
    return one.getScheme().equalsIgnoreCase(other.getScheme())
        && one.getHost() != null
        && one.getHost().equalsIgnoreCase(other.getHost())
        && port(one) == port(other);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /**
   * A registry reached over TLS may not send us on to plain HTTP, where anyone on the way could
   * change a manifest; one that is itself plain HTTP (loopback, {@code --insecure-registry}) may.
   */
  private void refuseDowngrade(URI from, URI to) {
    if (from.getScheme().equalsIgnoreCase("https")
        && to.getScheme().equalsIgnoreCase("http")
        && !endpoint.plainHttp()) {
      throw new RegistryException.Refused(
          "refusing to follow "
              + from
              + " to plain HTTP: "
              + to.getScheme()
              + "://"
              + to.getHost());
    }
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }

  static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // the connection is dropped either way
    }
  }
}

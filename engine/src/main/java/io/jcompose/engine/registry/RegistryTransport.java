package io.jcompose.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * HTTP to one repository of one registry, authenticated on demand: a request answered 401 is
 * retried once with what the {@code WWW-Authenticate} challenge asks for (a bearer token from the
 * realm, anonymous or with the client's credentials, or basic credentials), and that authorization
 * is kept for the following requests.
 */
final class RegistryTransport {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final int REDIRECTS = 5;

  private final HttpClient client;
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final BearerTokens tokens;
  private volatile Optional<String> authorization = Optional.empty();

  RegistryTransport(
      HttpClient client,
      RegistryEndpoint endpoint,
      String repository,
      Optional<RegistryCredentials> credentials) {
    this.client = client;
    this.endpoint = endpoint;
    this.repository = repository;
    this.tokens = new BearerTokens(client, credentials);
  }

  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  RegistryEndpoint endpoint() {
    return endpoint;
  }

  /**
   * GETs {@code /v2/<repository>/<resource>}; the caller closes the body.
   *
   * @param firstByte where to start ({@code Range: bytes=N-}) when above 0
   * @throws RegistryException.Unreachable when the registry cannot be reached
   */
  HttpResponse<InputStream> get(String resource, List<String> accept, long firstByte)
      throws InterruptedException {
    URI uri = endpoint.uri("/v2/" + repository + "/" + resource);
    HttpResponse<InputStream> response = send(uri, accept, firstByte);
    if (response.statusCode() != 401) {
      return response;
    }
    Optional<AuthChallenge> challenge =
        response.headers().firstValue("WWW-Authenticate").flatMap(AuthChallenge::parse);
    close(response);
    if (challenge.isEmpty()) {
      throw new RegistryException.Unauthorized("unauthorized: authentication required");
    }
    authorization = Optional.of(tokens.authorization(challenge.get(), repository));
    return send(uri, accept, firstByte);
  }

  /**
   * Sends the request, following up to {@link #REDIRECTS} redirects (blob storage often lives
   * elsewhere) without the registry's {@code Authorization}, which is not the other host's.
   */
  private HttpResponse<InputStream> send(URI uri, List<String> accept, long firstByte)
      throws InterruptedException {
    URI target = uri;
    Optional<String> credentials = authorization;
    for (int redirect = 0; ; redirect++) {
      HttpResponse<InputStream> response = sendOnce(target, accept, firstByte, credentials);
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
      if (!next.getHost().equals(target.getHost()) || next.getPort() != target.getPort()) {
        credentials = Optional.empty();
      }
      target = next;
    }
  }

  private HttpResponse<InputStream> sendOnce(
      URI uri, List<String> accept, long firstByte, Optional<String> credentials)
      throws InterruptedException {
    var request = HttpRequest.newBuilder(uri).GET();
    if (!accept.isEmpty()) {
      request.header("Accept", String.join(", ", accept));
    }
    if (firstByte > 0) {
      request.header("Range", "bytes=" + firstByte + "-");
    }
    credentials.ifPresent(value -> request.header("Authorization", value));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new RegistryException.Unreachable("Get \"" + uri + "\": " + describe(e), e);
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

package io.jcompose.engine.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Decides how a registry is spoken to, by dockerd's rules: over TLS checked against the system's
 * CAs and the registry's own ({@link RegistryTls}); a registry the engine was told is insecure gets
 * TLS without a certificate check, then plain HTTP when that fails; a loopback registry gets plain
 * HTTP when it answers TLS with plain HTTP (a certificate it presents is still checked). Every
 * operation has its own HTTP client, so an idle engine holds no connections or selector threads.
 */
final class RegistryConnector {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(30);

  /** A registry's endpoint and the client to reach it with. */
  record Connection(RegistryEndpoint endpoint, HttpClient client) {}

  private final RegistrySettings settings;

  RegistryConnector(RegistrySettings settings) {
    this.settings = settings;
  }

  RegistrySettings settings() {
    return settings;
  }

  /**
   * A Docker Hub mirror ({@link RegistrySettings#mirrors()}): plain HTTP when its URL says {@code
   * http://}, else TLS checked against the system's CAs and the mirror's own.
   */
  Connection mirror(String mirror) {
    RegistryEndpoint endpoint = RegistryMirror.endpoint(mirror);
    return new Connection(
        endpoint, client(RegistryTls.verifying(settings.certsDirectories(), endpoint.host())));
  }

  /**
   * @throws RegistryException.Unreachable when a loopback registry's TLS fails for another reason
   *     than plain HTTP (an unknown certificate authority ...)
   */
  Connection connect(String domain) throws InterruptedException {
    RegistryEndpoint secure = RegistryEndpoint.secure(domain);
    boolean insecure = settings.isInsecure(domain);
    SSLContext tls =
        insecure
            ? RegistryTls.trustingAnyone()
            : RegistryTls.verifying(settings.certsDirectories(), domain);
    HttpClient client = client(tls);
    if (!insecure && !secure.isLoopback()) {
      return new Connection(secure, client);
    }
    URI ping = secure.uri("/v2/");
    try {
      client.send(
          HttpRequest.newBuilder(ping).timeout(PING_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return new Connection(secure, client);
    } catch (IOException e) {
      if (insecure || TransportFailures.isPlainHttpAnswer(e)) {
        return new Connection(secure.overPlainHttp(), client);
      }
      throw new RegistryException.Unreachable(
          "Get \"" + ping + "\": " + TransportFailures.describe(e, ping), e);
    }
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(tls)
        .build();
  }
}

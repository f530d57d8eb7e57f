package io.jcompose.adapter;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The HTTP client for an endpoint: docker-java's zerodep transport over a unix socket or tcp. */
final class Transport {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private Transport() {}

  /** No response timeout: waits, followed logs and events stay open as long as they must. */
  static DockerHttpClient open(Endpoint endpoint) {
    var builder =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(endpoint.uri())
            .maxConnections(64)
            .connectionTimeout(CONNECT_TIMEOUT);
    sslConfig(endpoint.tls()).ifPresent(builder::sslConfig);
    return builder.build();
  }

  static Optional<SSLConfig> sslConfig(Optional<Endpoint.Tls> tls) {
    return tls.map(
        material ->
            material.verify()
                ? new LocalDirectorySSLConfig(material.certificateDirectory().toString())
                : new UnverifiedTls(material.certificateDirectory()));
  }

  /**
   * A client certificate without checking the daemon's ({@code DOCKER_TLS_VERIFY} unset, or a
   * context's {@code SkipTLSVerify}).
   */
  private record UnverifiedTls(Path certificateDirectory) implements SSLConfig {

    @Override
    public SSLContext getSSLContext() {
      try {
        KeyManagerFactory keys = null;
        Path key = certificateDirectory.resolve("key.pem");
        Path cert = certificateDirectory.resolve("cert.pem");
        if (Files.isRegularFile(key) && Files.isRegularFile(cert)) {
          keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
          keys.init(
              CertificateUtils.createKeyStore(Files.readString(key), Files.readString(cert)),
              "docker".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
            keys == null ? null : keys.getKeyManagers(),
            new TrustManager[] {new TrustingEveryone()},
            null);
        return context;
      } catch (IOException | GeneralSecurityException failure) {
        throw new IllegalStateException(
            "cannot read the TLS material in " + certificateDirectory + ": " + failure.getMessage(),
            failure);
      }
    }
  }

  private static final class TrustingEveryone implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

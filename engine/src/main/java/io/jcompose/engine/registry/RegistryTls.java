package io.jcompose.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS a registry is spoken to with: the system's trusted CAs plus the registry's own from
 * {@code <certs dir>/<host:port>/*.crt} (as dockerd reads {@code /etc/docker/certs.d}), or, for a
 * registry the engine was told is insecure, no certificate check at all (as dockerd does).
 */
final class RegistryTls {

  private RegistryTls() {}

  /**
   * @throws RegistryException.Refused when a certificate file cannot be read
   */
  static SSLContext verifying(List<Path> certsDirectories, String domain) {
    List<Path> files = caFiles(certsDirectories, domain);
    try {
      if (files.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int alias = 0;
      for (X509Certificate system : systemAuthorities()) {
        trusted.setCertificateEntry("system-" + alias++, system);
      }
      CertificateFactory certificates = CertificateFactory.getInstance("X.509");
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate certificate : certificates.generateCertificates(in)) {
            trusted.setCertificateEntry("registry-" + alias++, certificate);
          }
        } catch (IOException | GeneralSecurityException e) {
          throw new RegistryException.Refused(
              "cannot read the CA certificate " + file + ": " + e.getMessage());
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  /** TLS that accepts any certificate for any name. */
  static SSLContext trustingAnyone() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyCertificate()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
    }
  }

  /** {@code <dir>/<domain>/*.crt} of every directory, in order. */
  static List<Path> caFiles(List<Path> certsDirectories, String domain) {
    var files = new ArrayList<Path>();
    for (Path directory : certsDirectories) {
      Path registryDirectory = directory.resolve(domain);
      if (!Files.isDirectory(registryDirectory)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(registryDirectory, "*.crt")) {
        var found = new ArrayList<Path>();
        entries.forEach(found::add);
        found.sort(null);
        files.addAll(found);
      } catch (IOException e) {
        throw new RegistryException.Refused(
            "cannot list the certificates in " + registryDirectory + ": " + e.getMessage());
      }
    }
    return files;
  }

  private static List<X509Certificate> systemAuthorities() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    var authorities = new ArrayList<X509Certificate>();
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        authorities.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return authorities;
  }

  /** Accepts every server (an extended manager, so the JDK adds no host name check of its own). */
  private static final class AnyCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

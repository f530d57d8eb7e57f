package io.jcompose.engine.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Words a failed connection to a registry as dockerd does ({@code x509: certificate signed by
 * unknown authority}, {@code http: server gave HTTP response to HTTPS client}), with what to do
 * about it.
 */
final class TransportFailures {

  private TransportFailures() {}

  /** Whether a TLS connection failed because the server answered in plain HTTP. */
  static boolean isPlainHttpAnswer(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException
          && cause.getMessage() != null
          && cause.getMessage().contains("nrecognized SSL message")) {
        return true;
      }
    }
    return false;
  }

  static String describe(IOException failure, URI uri) {
    String registry = uri.getAuthority();
    if (isPlainHttpAnswer(failure)) {
      return "http: server gave HTTP response to HTTPS client (a registry without TLS needs the"
          + " engine option --insecure-registry "
          + registry
          + ")";
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertPathBuilderException
          || cause instanceof CertPathValidatorException) {
        return "x509: certificate signed by unknown authority (trust the registry's CA by putting"
            + " it in /etc/docker/certs.d/"
            + registry
            + "/ca.crt)";
      }
      if (cause instanceof CertificateExpiredException
          || cause instanceof CertificateNotYetValidException) {
        return "x509: certificate has expired or is not yet valid: " + cause.getMessage();
      }
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("no subject alternative") || message.contains("no name matching")) {
        return "x509: certificate is not valid for " + uri.getHost() + ": " + cause.getMessage();
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return "tls: " + message(cause);
      }
      if (cause instanceof ConnectException) {
        return "dial tcp " + registry + ": connect: connection refused";
      }
    }
    return message(failure);
  }

  private static String message(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isEmpty() ? failure.getClass().getSimpleName() : message;
  }
}

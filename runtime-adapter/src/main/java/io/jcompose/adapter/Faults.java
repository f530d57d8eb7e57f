package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one place where docker-java's exceptions (and the daemon's stream errors) become {@link
 * RuntimeFault} categories. Messages keep the daemon's own text, without docker-java's {@code
 * Status 404:} prefix and JSON wrapping.
 */
final class Faults {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: ?");

  private final String endpointDescription;

  /**
   * @param endpointDescription how messages about an unreachable daemon name it
   */
  Faults(String endpointDescription) {
    this.endpointDescription = endpointDescription;
  }

  /** Runs a docker-java call, mapping what it throws. */
  <T> T call(Supplier<T> dockerCall) {
    try {
      return dockerCall.get();
    } catch (RuntimeException failure) {
      throw map(failure);
    }
  }

  void run(Runnable dockerCall) {
    try {
      dockerCall.run();
    } catch (RuntimeException failure) {
      throw map(failure);
    }
  }

  /** The fault for anything docker-java threw (a fault passes through unchanged). */
  RuntimeFault map(Throwable failure) {
    if (failure instanceof RuntimeFault fault) {
      return fault;
    }
    if (failure.getClass() == RuntimeException.class && failure.getCause() != null) {
      // docker-java's callbacks rethrow a stream's error wrapped in a plain RuntimeException
      return map(failure.getCause());
    }
    if (failure instanceof DockerException dockerFailure) {
      return forStatus(dockerFailure.getHttpStatus(), daemonMessage(dockerFailure), failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return unreachable(cause, failure);
      }
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return new RuntimeFault.Internal(message, failure);
  }

  /** A daemon that does not answer. */
  RuntimeFault unreachable(Throwable reason, Throwable failure) {
    String detail = reason.getMessage() == null ? reason.toString() : reason.getMessage();
    return new RuntimeFault.Unavailable(
        "cannot connect to the Docker endpoint " + endpointDescription + ": " + detail, failure);
  }

  static RuntimeFault forStatus(int status, String message, Throwable cause) {
    return switch (status) {
      case 400 -> new RuntimeFault.InvalidArgument(message, cause);
      case 401 -> new RuntimeFault.Unauthenticated(message, cause);
      case 403 ->
          message.contains("active endpoints")
              ? new RuntimeFault.Conflict(message, cause)
              : new RuntimeFault.PermissionDenied(message, cause);
      case 404 -> new RuntimeFault.NotFound(message, cause);
      case 409 -> new RuntimeFault.Conflict(message, cause);
      case 500 -> fromRegistryMessage(message, cause);
      default -> new RuntimeFault.Internal(message, cause);
    };
  }

  /**
   * An error the daemon reports about a registry or a build (a 500, or an {@code errorDetail} in a
   * progress stream), categorised by its text since the daemon gives no code.
   */
  static RuntimeFault fromRegistryMessage(String message, Throwable cause) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("connection refused")
        || lower.contains("no such host")
        || lower.contains("i/o timeout")
        || lower.contains("network is unreachable")
        || lower.contains("dial tcp")) {
      return new RuntimeFault.Unavailable(message, cause);
    }
    if (lower.contains("unauthorized") || lower.contains("authentication required")) {
      return new RuntimeFault.Unauthenticated(message, cause);
    }
    if (lower.contains("not found")
        || lower.contains("manifest unknown")
        || lower.contains("pull access denied")
        || lower.contains("no such image")
        || lower.contains("does not exist locally")) {
      return new RuntimeFault.NotFound(message, cause);
    }
    if (lower.contains("denied") || lower.contains("forbidden")) {
      return new RuntimeFault.PermissionDenied(message, cause);
    }
    return new RuntimeFault.Internal(message, cause);
  }

  /** The daemon's {@code message}, or the raw body when it is not the usual JSON. */
  static String daemonMessage(DockerException failure) {
    String text =
        STATUS_PREFIX
            .matcher(failure.getMessage() == null ? "" : failure.getMessage())
            .replaceFirst("");
    String trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode body = JSON.readTree(trimmed);
        if (body.hasNonNull("message")) {
          return body.get("message").asText();
        }
      } catch (IOException notJson) {
        // keep the raw text
      }
    }
    return trimmed.isEmpty() ? "HTTP status " + failure.getHttpStatus() : trimmed;
  }
}

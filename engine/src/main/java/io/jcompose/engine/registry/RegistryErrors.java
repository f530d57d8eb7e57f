package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * Turns a registry's error answer ({@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest
 * unknown"}]}}) into a {@link RegistryException} worded as docker words it ({@code manifest
 * unknown: manifest unknown}).
 */
final class RegistryErrors {

  private static final int BODY_LIMIT = 64 * 1024;

  record ErrorsWire(@JsonProperty("errors") List<ErrorWire> errors) {}

  record ErrorWire(@JsonProperty("code") String code, @JsonProperty("message") String message) {}

  private RegistryErrors() {}

  /** The exception for a failed response; closes its body. */
  static RegistryException of(HttpResponse<InputStream> response, String what) {
    String detail = detail(response);
    int status = response.statusCode();
    if (status == 404) {
      return new RegistryException.Unknown(detail.isEmpty() ? what + " unknown" : detail);
    }
    if (status == 401 || status == 403) {
      return new RegistryException.Unauthorized(
          detail.isEmpty() ? "unauthorized: authentication required" : detail);
    }
    return new RegistryException.Refused(
        "the registry answered "
            + status
            + " for "
            + response.uri()
            + (detail.isEmpty() ? "" : ": " + detail));
  }

  private static String detail(HttpResponse<InputStream> response) {
    byte[] body;
    try (InputStream stream = response.body()) {
      body = stream.readNBytes(BODY_LIMIT);
    } catch (IOException e) {
      return "";
    }
    try {
      ErrorsWire wire = WireJson.mapper().readValue(body, ErrorsWire.class);
      if (wire.errors() == null || wire.errors().isEmpty()) {
        return "";
      }
      ErrorWire first = wire.errors().get(0);
      String code =
          first.code() == null ? "" : first.code().toLowerCase(Locale.ROOT).replace('_', ' ');
      String message = first.message() == null ? "" : first.message();
      return code.isEmpty() ? message : code + ": " + message;
    } catch (IOException e) {
      return "";
    }
  }
}

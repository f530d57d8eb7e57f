package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client sent in {@code X-Registry-Auth}: base64url JSON with {@code username} and {@code
 * password}, or an {@code identitytoken} (a refresh token from {@code docker login}).
 */
record RegistryCredentials(String username, String password, String identityToken) {

  record AuthConfigWire(
      @JsonProperty("username") String username,
      @JsonProperty("password") String password,
      @JsonProperty("auth") String auth,
      @JsonProperty("serveraddress") String serverAddress,
      @JsonProperty("identitytoken") String identityToken) {}

  RegistryCredentials {
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
    identityToken = Objects.requireNonNullElse(identityToken, "");
  }

  /**
   * Decodes the header; empty for a missing, blank, empty ({@code {}}) or {@code null} one.
   *
   * @throws EngineFault.InvalidArgument when it is not base64 JSON
   */
  static Optional<RegistryCredentials> fromHeader(Optional<String> header) {
    String encoded = header.map(String::strip).orElse("");
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    AuthConfigWire wire;
    try {
      byte[] json = decode(encoded);
      wire = WireJson.mapper().readValue(json, AuthConfigWire.class);
    } catch (IllegalArgumentException | IOException e) {
      throw new EngineFault.InvalidArgument(
          "invalid X-Registry-Auth header: expected base64url-encoded JSON credentials");
    }
    if (wire == null) {
      return Optional.empty(); // docker-java sends base64("null") when it has no credentials
    }
    String username = wire.username();
    String password = wire.password();
    if ((username == null || username.isEmpty()) && wire.auth() != null && !wire.auth().isEmpty()) {
      String pair = new String(decode(wire.auth()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon > 0) {
        username = pair.substring(0, colon);
        password = pair.substring(colon + 1);
      }
    }
    var credentials = new RegistryCredentials(username, password, wire.identityToken());
    return credentials.username().isEmpty() && credentials.identityToken().isEmpty()
        ? Optional.empty()
        : Optional.of(credentials);
  }

  boolean hasPassword() {
    return !username.isEmpty();
  }

  /** {@code Basic <base64(user:password)>}. */
  String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] decode(String text) {
    String padded = text.replace('+', '-').replace('/', '_').replace("=", "");
    return Base64.getUrlDecoder().decode(padded);
  }

  @Override
  public String toString() {
    return "RegistryCredentials[username=" + username + "]";
  }
}

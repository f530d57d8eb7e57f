package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registry credentials the way the docker CLI finds them in {@code config.json}: a credential
 * helper for the registry ({@code credHelpers}, else {@code credsStore}), else the {@code auths}
 * entry ({@code auth} as base64 {@code user:password}, or {@code username}/{@code password}, or
 * {@code identitytoken}).
 */
public final class RegistryCredentials {

  private final Path configDirectory;
  private final CredentialHelpers helpers;

  RegistryCredentials(Path configDirectory, CredentialHelpers helpers) {
    this.configDirectory = configDirectory;
    this.helpers = helpers;
  }

  /**
   * @param environment {@code DOCKER_CONFIG}/{@code HOME} for the configuration, {@code PATH} for
   *     the {@code docker-credential-*} helpers
   */
  public static RegistryCredentials fromEnvironment(Map<String, String> environment) {
    return new RegistryCredentials(
        ClientConfig.directory(environment), CredentialHelpers.onPath(environment));
  }

  /**
   * The credential for the registry an image reference names; empty to pull anonymously.
   *
   * @throws IllegalArgumentException when {@code config.json} cannot be read
   */
  public Optional<Credential> forImage(String reference) {
    String serverAddress = ImageReference.parse(reference).serverAddress();
    ClientConfig config = ClientConfig.read(configDirectory);
    Optional<String> helper = config.helper(serverAddress);
    if (helper.isPresent()) {
      Optional<Credential> fromHelper = helpers.get(helper.get(), serverAddress);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    return config.auth(serverAddress).flatMap(entry -> fromAuthsEntry(serverAddress, entry));
  }

  private static Optional<Credential> fromAuthsEntry(String serverAddress, JsonNode entry) {
    Optional<String> username = ClientConfig.text(entry.path("username"));
    Optional<String> password = ClientConfig.text(entry.path("password"));
    Optional<String> encoded = ClientConfig.text(entry.path("auth"));
    if (encoded.isPresent()) {
      String decoded;
      try {
        decoded =
            new String(Base64.getDecoder().decode(encoded.get().trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        throw new IllegalArgumentException(
            "the auths entry for " + serverAddress + " in config.json is not base64", notBase64);
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "the auths entry for " + serverAddress + " in config.json is not user:password");
      }
      username = Optional.of(decoded.substring(0, colon));
      password = Optional.of(decoded.substring(colon + 1));
    }
    Optional<String> identityToken = ClientConfig.text(entry.path("identitytoken"));
    if (username.isEmpty() && password.isEmpty() && identityToken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credential(serverAddress, username, password, identityToken));
  }

  /** The credential as docker-java's {@code X-Registry-Auth} source. */
  static AuthConfig authConfig(Credential credential) {
    var auth = new AuthConfig().withRegistryAddress(credential.serverAddress());
    credential.username().ifPresent(auth::withUsername);
    credential.password().ifPresent(auth::withPassword);
    credential.identityToken().ifPresent(auth::withIdentityToken);
    return auth;
  }

  /**
   * One registry's credential.
   *
   * @param serverAddress the registry host, or {@code https://index.docker.io/v1/} for Docker Hub
   * @param identityToken an OAuth refresh token, instead of a password
   */
  public record Credential(
      String serverAddress,
      Optional<String> username,
      Optional<String> password,
      Optional<String> identityToken) {

    public Credential {
      Objects.requireNonNull(serverAddress, "serverAddress");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(identityToken, "identityToken");
    }

    /** Without the secrets, so that a credential in a message or log gives nothing away. */
    @Override
    public String toString() {
      return "Credential[" + serverAddress + ", user " + username.orElse("(none)") + "]";
    }
  }
}

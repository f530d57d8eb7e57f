package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers a registry's challenge with an {@code Authorization} value: for {@code Bearer}, a token
 * from the challenge's realm for {@code repository:<path>:pull} (or {@code pull,push}; anonymous,
 * with basic credentials, or by the OAuth refresh-token grant for an identity token); for {@code
 * Basic}, the client's credentials.
 */
final class BearerTokens {

  record TokenWire(
      @JsonProperty("token") String token, @JsonProperty("access_token") String accessToken) {}

  private final HttpClient client;
  private final Optional<RegistryCredentials> credentials;
  private final boolean plainHttpRealms;

  /**
   * @param plainHttpRealms whether credentials may go to a token server over plain HTTP (only for a
   *     registry that is itself plain HTTP or on loopback)
   */
  BearerTokens(
      HttpClient client, Optional<RegistryCredentials> credentials, boolean plainHttpRealms) {
    this.client = client;
    this.credentials = credentials;
    this.plainHttpRealms = plainHttpRealms;
  }

  /**
   * @throws RegistryException.Unauthorized when the challenge cannot be answered
   */
  String authorization(AuthChallenge challenge, String repository, String actions)
      throws InterruptedException {
    if (challenge.isBasic()) {
      return credentials
          .filter(RegistryCredentials::hasPassword)
          .map(RegistryCredentials::basicAuthorization)
          .orElseThrow(
              () -> new RegistryException.Unauthorized("unauthorized: authentication required"));
    }
    if (!challenge.isBearer()) {
      throw new RegistryException.Unauthorized(
          "unsupported authentication scheme " + challenge.scheme());
    }
    String realm =
        challenge
            .parameter("realm")
            .orElseThrow(
                () -> new RegistryException.Unauthorized("the bearer challenge has no realm"));
    String scope = challenge.parameter("scope").orElse("repository:" + repository + ":" + actions);
    Optional<String> service = challenge.parameter("service");
    HttpRequest request = tokenRequest(realm, service, scope);
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RegistryException.Unreachable(
          "Get \"" + realm + "\": " + TransportFailures.describe(e, URI.create(realm)), e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new RegistryException.Unauthorized("unauthorized: incorrect username or password");
    }
    if (response.statusCode() != 200) {
      throw new RegistryException.Refused(
          "the token server " + realm + " answered " + response.statusCode());
    }
    TokenWire token;
    try {
      token = WireJson.mapper().readValue(response.body(), TokenWire.class);
    } catch (IOException e) {
      throw new RegistryException.Refused("the token server " + realm + " sent no token");
    }
    String value =
        token.token() != null && !token.token().isEmpty() ? token.token() : token.accessToken();
    if (value == null || value.isEmpty()) {
      throw new RegistryException.Refused("the token server " + realm + " sent no token");
    }
    return "Bearer " + value;
  }

  private HttpRequest tokenRequest(String realm, Optional<String> service, String scope) {
    Optional<RegistryCredentials> sendable =
        credentials.filter(
            value -> plainHttpRealms || URI.create(realm).getScheme().equalsIgnoreCase("https"));
    Optional<RegistryCredentials> identity =
        sendable.filter(value -> !value.identityToken().isEmpty());
    if (identity.isPresent()) {
      String form =
          "grant_type=refresh_token&client_id=jcompose&refresh_token="
              + encode(identity.get().identityToken())
              + service.map(value -> "&service=" + encode(value)).orElse("")
              + "&scope="
              + encode(scope);
      return HttpRequest.newBuilder(URI.create(realm))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form))
          .build();
    }
    String query =
        service.map(value -> "service=" + encode(value) + "&").orElse("")
            + "scope="
            + encode(scope);
    var request =
        HttpRequest.newBuilder(URI.create(realm + (realm.contains("?") ? "&" : "?") + query)).GET();
    sendable
        .filter(RegistryCredentials::hasPassword)
        .ifPresent(value -> request.header("Authorization", value.basicAuthorization()));
    return request.build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

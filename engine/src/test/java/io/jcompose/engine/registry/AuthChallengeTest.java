package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parse_readsABearerChallengeWithAQuotedScopeContainingCommas() {
    var challenge =
        AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                    + "scope=\"repository:library/busybox:pull,push\"")
            .orElseThrow();

    assertThat(challenge.isBearer()).isTrue();
    assertThat(challenge.parameter("realm")).contains("https://auth.docker.io/token");
    assertThat(challenge.parameter("service")).contains("registry.docker.io");
    assertThat(challenge.parameter("scope")).contains("repository:library/busybox:pull,push");
  }

  @Test
  void parse_readsABasicChallenge_andUnquotedValues() {
    var challenge = AuthChallenge.parse("Basic realm=Registry").orElseThrow();

    assertThat(challenge.isBasic()).isTrue();
    assertThat(challenge.parameter("realm")).contains("Registry");
    assertThat(AuthChallenge.parse("  ")).isEmpty();
  }

  @Test
  void credentials_decodeBase64UrlJson_withPasswordOrIdentityToken() {
    var password =
        RegistryCredentials.fromHeader(
                Optional.of(
                    encode(
                        "{\"username\":\"ann\",\"password\":\"s3cr?t>\","
                            + "\"serveraddress\":\"127.0.0.1:5000\"}")))
            .orElseThrow();
    var token =
        RegistryCredentials.fromHeader(Optional.of(encode("{\"identitytoken\":\"refresh\"}")))
            .orElseThrow();

    assertThat(password.username()).isEqualTo("ann");
    assertThat(password.password()).isEqualTo("s3cr?t>");
    assertThat(password.basicAuthorization())
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ann:s3cr?t>".getBytes()));
    assertThat(token.identityToken()).isEqualTo("refresh");
    assertThat(token.hasPassword()).isFalse();
  }

  @Test
  void credentials_areAbsentForAnEmptyHeader_andRefusedWhenNotJson() {
    assertThat(RegistryCredentials.fromHeader(Optional.of(encode("{}")))).isEmpty();
    assertThat(RegistryCredentials.fromHeader(Optional.of(encode("null")))).isEmpty();
    assertThat(RegistryCredentials.fromHeader(Optional.empty())).isEmpty();
    assertThatThrownBy(() -> RegistryCredentials.fromHeader(Optional.of(encode("not json"))))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("X-Registry-Auth");
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.adapter.RegistryCredentials.Credential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {

  @TempDir Path config;
  @TempDir Path bin;

  private RegistryCredentials credentials(String configJson) throws IOException {
    Files.writeString(config.resolve("config.json"), configJson);
    return RegistryCredentials.fromEnvironment(
        Map.of("DOCKER_CONFIG", config.toString(), "PATH", bin.toString()));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void forImage_ofADockerHubImageReadsTheBase64AuthUnderTheIndexUrl() throws IOException {
    var registry =
        credentials(
            "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + base64("me:pa:ss")
                + "\"}}}");

    Credential credential = registry.forImage("busybox:1.36").orElseThrow();

    assertThat(credential.serverAddress()).isEqualTo("https://index.docker.io/v1/");
    assertThat(credential.username()).contains("me");
    assertThat(credential.password()).contains("pa:ss");
    assertThat(registry.forImage("docker.io/library/busybox")).contains(credential);
    assertThat(registry.forImage("index.docker.io/team/app:2")).contains(credential);
  }

  @Test
  void forImage_ofAPrivateRegistryMatchesItsHostWithOrWithoutScheme() throws IOException {
    var registry =
        credentials(
            "{\"auths\":{\"https://registry.example.com:5000/v2/\":"
                + "{\"username\":\"ci\",\"password\":\"token\"}}}");

    Credential credential = registry.forImage("registry.example.com:5000/team/app:1").orElseThrow();

    assertThat(credential.serverAddress()).isEqualTo("registry.example.com:5000");
    assertThat(credential.username()).contains("ci");
    assertThat(credential.password()).contains("token");
    assertThat(registry.forImage("team/app:1")).isEmpty();
  }

  @Test
  void forImage_readsAnIdentityToken() throws IOException {
    var registry = credentials("{\"auths\":{\"ghcr.io\":{\"identitytoken\":\"refresh\"}}}");

    Credential credential =
        registry.forImage("ghcr.io/org/tool@sha256:" + "a".repeat(64)).orElseThrow();

    assertThat(credential.identityToken()).contains("refresh");
    assertThat(credential.username()).isEmpty();
  }

  @Test
  void forImage_asksTheRegistrysCredentialHelperWithTheServerOnStdin() throws IOException {
    helper("test", "helper-user", "secret-for-$server");
    var registry =
        credentials(
            "{\"credHelpers\":{\"localhost:5000\":\"test\"},"
                + "\"auths\":{\"localhost:5000\":{\"auth\":\""
                + base64("stale:stale")
                + "\"}}}");

    Credential credential = registry.forImage("localhost:5000/app").orElseThrow();

    assertThat(credential.username()).contains("helper-user");
    assertThat(credential.password()).contains("secret-for-localhost:5000");
    assertThat(registry.forImage("busybox")).isEmpty();
  }

  @Test
  void forImage_withACredsStoreTokenUserGivesAnIdentityToken() throws IOException {
    helper("store", "<token>", "refresh-$server");
    var registry = credentials("{\"credsStore\":\"store\"}");

    Credential credential = registry.forImage("busybox").orElseThrow();

    assertThat(credential.username()).isEmpty();
    assertThat(credential.identityToken()).contains("refresh-https://index.docker.io/v1/");
  }

  @Test
  void forImage_withAMissingHelperOrNoConfigIsEmpty() throws IOException {
    assertThat(credentials("{\"credsStore\":\"absent\"}").forImage("busybox")).isEmpty();
    Files.delete(config.resolve("config.json"));
    assertThat(
            RegistryCredentials.fromEnvironment(Map.of("DOCKER_CONFIG", config.toString()))
                .forImage("busybox"))
        .isEmpty();
  }

  @Test
  void credential_toStringHidesTheSecrets() {
    var credential =
        new Credential("ghcr.io", Optional.of("me"), Optional.of("hunter2"), Optional.empty());

    assertThat(credential.toString()).doesNotContain("hunter2");
  }

  @Test
  void imageReference_normalisesTheRegistryLikeTheDockerCli() {
    assertThat(ImageReference.parse("busybox").serverAddress())
        .isEqualTo("https://index.docker.io/v1/");
    assertThat(ImageReference.parse("docker.io/library/busybox:1").serverAddress())
        .isEqualTo("https://index.docker.io/v1/");
    assertThat(ImageReference.parse("localhost/app").serverAddress()).isEqualTo("localhost");
    assertThat(ImageReference.parse("team/app:1").registry()).isEmpty();
    ImageReference pinned = ImageReference.parse("quay.io/org/app:1@sha256:abc");
    assertThat(pinned.registry()).contains("quay.io");
    assertThat(pinned.repositoryForPull()).isEqualTo("quay.io/org/app@sha256:abc");
    assertThat(pinned.tagForPull()).isEmpty();
    assertThat(ImageReference.parse("host:5000/app").tagForPull()).contains("latest");
  }

  /** A {@code docker-credential-<name>} that answers with the server it was asked about. */
  private void helper(String name, String username, String secret) throws IOException {
    Path script = bin.resolve("docker-credential-" + name);
    Files.write(
        script,
        List.of(
            "#!/bin/sh",
            "[ \"$1\" = get ] || exit 1",
            "read -r server",
            "echo \"{\\\"ServerURL\\\":\\\"$server\\\",\\\"Username\\\":\\\""
                + username
                + "\\\",\\\"Secret\\\":\\\""
                + secret
                + "\\\"}\""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}

package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import org.junit.jupiter.api.Test;

class PullReferenceTest {

  @Test
  void of_normalisesAnOfficialImageToDockerHubsLibraryWithLatest() {
    var reference = PullReference.of("busybox", "");

    assertThat(reference.toString()).isEqualTo("docker.io/library/busybox:latest");
    assertThat(PullReference.manifestReference(reference)).isEqualTo("latest");
  }

  @Test
  void of_takesTheSeparateTag_andTreatsASha256TagAsADigest() {
    String digest = "sha256:" + "ab".repeat(32);

    assertThat(PullReference.of("docker.io/library/busybox", "1.36").toString())
        .isEqualTo("docker.io/library/busybox:1.36");
    var byDigest = PullReference.of("busybox", digest);
    assertThat(byDigest.digest()).isPresent();
    assertThat(PullReference.manifestReference(byDigest)).isEqualTo(digest);
  }

  @Test
  void of_detectsARegistryHostWithAPort() {
    var reference = PullReference.of("127.0.0.1:5000/team/app", "1");

    assertThat(reference.domain()).isEqualTo("127.0.0.1:5000");
    assertThat(reference.path()).isEqualTo("team/app");
    assertThat(PullReference.of("localhost/app", "").domain()).isEqualTo("localhost");
    assertThat(PullReference.of("user/app", "").domain()).isEqualTo("docker.io");
  }

  @Test
  void of_quotesAnInvalidName() {
    assertThatThrownBy(() -> PullReference.of("Bad Name", ""))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("invalid reference format");
  }

  @Test
  void endpoint_isTlsFirst_andLoopbackRegistriesMayFallBackToPlainHttp() {
    assertThat(RegistryEndpoint.secure("docker.io").uri("/v2/").toString())
        .isEqualTo("https://registry-1.docker.io/v2/");
    assertThat(RegistryEndpoint.secure("127.0.0.1:5000").overPlainHttp().uri("/v2/").toString())
        .isEqualTo("http://127.0.0.1:5000/v2/");
    assertThat(RegistryEndpoint.secure("127.0.0.1:5000").isLoopback()).isTrue();
    assertThat(RegistryEndpoint.secure("127.1.2.3:5000").isLoopback()).isTrue();
    assertThat(RegistryEndpoint.secure("localhost:5000").isLoopback()).isTrue();
    assertThat(RegistryEndpoint.secure("[::1]:5000").isLoopback()).isTrue();
    assertThat(RegistryEndpoint.secure("127.example.com").isLoopback()).isFalse();
    assertThat(RegistryEndpoint.secure("registry.local:5000").isLoopback()).isFalse();
  }

  @Test
  void settings_acceptHostAndPort_andRefuseSchemes() {
    RegistrySettings settings =
        RegistrySettings.defaults().withInsecureRegistry("registry.local:5000");
    assertThat(settings.isInsecure("registry.local:5000")).isTrue();
    assertThat(settings.isInsecure("registry.local")).isFalse();
    assertThat(settings.certsDirectories()).isEqualTo(RegistrySettings.DEFAULT_CERTS_DIRECTORIES);
    assertThatThrownBy(() -> settings.withInsecureRegistry("http://registry.local:5000"))
        .hasMessageContaining("should not contain '://'");
    assertThatThrownBy(() -> settings.withInsecureRegistry("registry.local/path"))
        .hasMessageContaining("is not a host[:port]");
  }
}

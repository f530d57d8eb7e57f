package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.Set;
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
  void endpoint_usesPlainHttpOnlyForLoopbackOrInsecureRegistries() {
    assertThat(RegistryEndpoint.of("docker.io", Set.of()).uri("/v2/").toString())
        .isEqualTo("https://registry-1.docker.io/v2/");
    assertThat(RegistryEndpoint.of("127.0.0.1:5000", Set.of()).plainHttp()).isTrue();
    assertThat(RegistryEndpoint.of("127.1.2.3:5000", Set.of()).plainHttp()).isTrue();
    assertThat(RegistryEndpoint.of("localhost:5000", Set.of()).plainHttp()).isTrue();
    assertThat(RegistryEndpoint.of("[::1]:5000", Set.of()).plainHttp()).isTrue();
    assertThat(RegistryEndpoint.of("127.example.com", Set.of()).plainHttp()).isFalse();
    assertThat(RegistryEndpoint.of("registry.local:5000", Set.of()).plainHttp()).isFalse();
    assertThat(
            RegistryEndpoint.of("registry.local:5000", Set.of("registry.local:5000")).plainHttp())
        .isTrue();
  }
}

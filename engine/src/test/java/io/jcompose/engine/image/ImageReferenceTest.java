package io.jcompose.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  private static final String HEX = "a".repeat(64);

  @ParameterizedTest
  @CsvSource({
    "busybox, docker.io/library/busybox, busybox",
    "busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
    "library/busybox:latest, docker.io/library/busybox:latest, busybox:latest",
    "docker.io/library/busybox, docker.io/library/busybox, busybox",
    "index.docker.io/library/busybox, docker.io/library/busybox, busybox",
    "local/busybox:1, docker.io/local/busybox:1, local/busybox:1",
    "localhost/app, localhost/app, localhost/app",
    "localhost:5000/x:1, localhost:5000/x:1, localhost:5000/x:1",
    "registry.example.com/team/app:2.0, registry.example.com/team/app:2.0,"
        + " registry.example.com/team/app:2.0",
    "Registry.Example.com/app, Registry.Example.com/app, Registry.Example.com/app",
    "[::1]:5000/app:v1, [::1]:5000/app:v1, [::1]:5000/app:v1",
  })
  void parse_normalisesLikeDocker(String text, String normalised, String familiar) {
    ImageReference reference = ImageReference.parse(text);

    assertThat(reference).hasToString(normalised);
    assertThat(reference.familiarString()).isEqualTo(familiar);
  }

  @org.junit.jupiter.api.Test
  void parse_readsDigestsAndDefaultsTheTagOnlyWhenAsked() {
    ImageReference digested = ImageReference.parse("busybox@sha256:" + HEX);

    assertThat(digested.tag()).isEmpty();
    assertThat(digested.digest()).hasValueSatisfying(d -> assertThat(d.hex()).isEqualTo(HEX));
    assertThat(digested.withDefaultTag()).isEqualTo(digested);
    assertThat(digested.familiarString()).isEqualTo("busybox@sha256:" + HEX);
    assertThat(ImageReference.parse("busybox").withDefaultTag())
        .hasToString("docker.io/library/busybox:latest");
    assertThat(ImageReference.parse("busybox:1@sha256:" + HEX).familiarName()).isEqualTo("busybox");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Busybox",
        "busybox:",
        "bad//name",
        "-x",
        "busybox:-tag",
        "a@sha256:abc",
        "x y"
      })
  void parse_refusesMalformedReferences(String text) {
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("invalid reference format");
  }

  @org.junit.jupiter.api.Test
  void parse_refusesAnImageIdAsAName() {
    assertThatThrownBy(() -> ImageReference.parse(HEX))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings");
    assertThatThrownBy(() -> ImageReference.parse("Library/Busybox"))
        .hasMessageContaining("invalid reference format");
    assertThatThrownBy(() -> ImageReference.parse("busybox/Foo"))
        .hasMessage("invalid reference format: repository name (busybox/Foo) must be lowercase");
  }
}

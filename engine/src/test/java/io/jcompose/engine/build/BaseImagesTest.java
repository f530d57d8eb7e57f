package io.jcompose.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.image.ImageConfig;
import org.junit.jupiter.api.Test;

/** Which local image serves a stage's FROM --platform. */
class BaseImagesTest {

  private static final ImageConfig.Platform AMD64 = new ImageConfig.Platform("linux", "amd64", "");
  private static final ImageConfig.Platform ARM_V7 = new ImageConfig.Platform("linux", "arm", "v7");

  @Test
  void noPlatformAsked_anyImageServes() {
    assertThat(BaseImages.matches(AMD64, "")).isTrue();
  }

  @Test
  void anImageOfAnotherArchitectureOrVariant_doesNotServe() {
    assertThat(BaseImages.matches(AMD64, "linux/amd64")).isTrue();
    assertThat(BaseImages.matches(AMD64, "linux/arm64")).isFalse();
    assertThat(BaseImages.matches(ARM_V7, "linux/arm/v7")).isTrue();
    assertThat(BaseImages.matches(ARM_V7, "linux/arm/v6")).isFalse();
    assertThat(BaseImages.matches(ARM_V7, "Linux/ARM")).isTrue();
    assertThat(BaseImages.matches(AMD64, "windows/amd64")).isFalse();
  }
}

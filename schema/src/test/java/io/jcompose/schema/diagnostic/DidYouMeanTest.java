package io.jcompose.schema.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> SERVICE_KEYS =
      List.of("environment", "env_file", "healthcheck", "image", "init", "ipc", "pid", "ports");

  @Test
  void nearest_findsTyposSwapsAndPrefixes() {
    assertThat(DidYouMean.nearest("enviroment", SERVICE_KEYS)).contains("environment");
    assertThat(DidYouMean.nearest("imgae", SERVICE_KEYS)).contains("image");
    assertThat(DidYouMean.nearest("Image", SERVICE_KEYS)).contains("image");
    assertThat(DidYouMean.nearest("health", SERVICE_KEYS)).contains("healthcheck");
    assertThat(DidYouMean.nearest("port", SERVICE_KEYS)).contains("ports");
  }

  @Test
  void nearest_suggestsNothingForUnrelatedNames() {
    assertThat(DidYouMean.nearest("replicas", SERVICE_KEYS)).isEmpty();
    assertThat(DidYouMean.nearest("ab", SERVICE_KEYS)).isEmpty();
  }

  @Test
  void distance_countsAnAdjacentSwapAsOneEdit() {
    assertThat(DidYouMean.distance("imgae", "image")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}

package io.jcompose.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes two build steps the same for the cache. */
class StepKeyTest {

  private static final Optional<Digest> PARENT =
      Optional.of(Digest.of("parent".getBytes(StandardCharsets.UTF_8)));

  @Test
  void sameParentInstructionAndInputs_giveTheSameKey_whereverTheLineIs() {
    Instruction early = first("FROM x\nRUN echo hi\n");
    Instruction later = first("FROM x\n\n# moved down\nRUN echo hi\n");

    assertThat(StepKey.of(PARENT, early, Map.of("env", "{}")))
        .isEqualTo(StepKey.of(PARENT, later, Map.of("env", "{}")));
  }

  @Test
  void anotherParentCommandEnvironmentOrContent_givesAnotherKey() {
    Instruction run = first("FROM x\nRUN echo hi\n");
    StepKey key = StepKey.of(PARENT, run, Map.of("env", "{A=1}"));

    assertThat(StepKey.of(Optional.empty(), run, Map.of("env", "{A=1}"))).isNotEqualTo(key);
    assertThat(StepKey.of(PARENT, first("FROM x\nRUN echo ho\n"), Map.of("env", "{A=1}")))
        .isNotEqualTo(key);
    assertThat(StepKey.of(PARENT, run, Map.of("env", "{A=2}"))).isNotEqualTo(key);
    assertThat(StepKey.of(PARENT, run, Map.of("env", "{A=1}", "content", "sha256:1")))
        .isNotEqualTo(key);
  }

  private static Instruction first(String text) {
    return Dockerfile.parse(text).stages().get(0).instructions().get(0);
  }
}

package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UninterpolatedTest {

  private static final String YAML =
      "services: {a: {image: x, ports: ['${PORT}:80', '81'], scale: '${N}',"
          + " mem_limit: '${MEM}'}}";

  @Test
  void withoutInterpolation_unparsableValuesAreKeptAsWrittenWithoutErrors() {
    var context =
        new CanonicalContext(
            "demo", Fixture.PROJECT_DIRECTORY, key -> Optional.empty(), false, false, false);

    var result = Fixture.run(YAML, context);

    assertThat(result.errors()).isEmpty();
    assertThat(result.service("a", "ports"))
        .isEqualTo(
            List.of("${PORT}:80", Map.of("mode", "ingress", "target", 81L, "protocol", "tcp")));
    assertThat(result.service("a", "scale")).isEqualTo("${N}");
    assertThat(result.service("a", "mem_limit")).isEqualTo("${MEM}");
  }

  @Test
  void afterInterpolation_theSameValuesAreErrors() {
    var result = Fixture.forms(YAML);

    assertThat(result.errors()).hasSize(3);
  }
}

package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The canonical form of a realistic project, with normalisation and path resolution, compared with
 * a reviewed golden file. Regenerate by running with {@code -Djcompose.golden.update=true} and
 * reviewing the diff.
 */
class GoldenCanonicalTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = GoldenCanonicalTest.class.getResourceAsStream("/canonical/" + name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shopProject_canonicalFormMatchesGolden() throws IOException {
    var result =
        Fixture.run(
            resource("shop.compose.yaml"),
            Fixture.context(true, true, Map.of("API_TOKEN", "s3cret", "HOME", "/home/dev")));

    var settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    String rendered = new Dump(settings).dumpToString(result.document().toPlain());

    if (Boolean.getBoolean("jcompose.golden.update")) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("src/test/resources/canonical/shop.canonical.yaml"), rendered);
    }
    assertThat(result.diagnostics().errors()).isEmpty();
    assertThat(rendered).isEqualTo(resource("shop.canonical.yaml"));
  }
}

package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.load.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stack under {@code examples/} goes through {@code jcompose config} without an error. */
class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  static List<Path> examples() throws IOException {
    try (Stream<Path> children = Files.list(EXAMPLES)) {
      return children.filter(dir -> Files.isRegularFile(dir.resolve("compose.yaml"))).toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void example_rendersWithConfig(Path example) {
    var cli = Cli.in(example, ProjectLoader::load);

    int code = cli.run("-f", "compose.yaml", "config", "--services");

    assertThat(cli.err()).isEmpty();
    assertThat(code).isEqualTo(0);
    assertThat(cli.out()).isNotBlank();
  }

  @Test
  void examples_exist() throws IOException {
    assertThat(examples()).extracting(dir -> dir.getFileName().toString()).contains("hello");
  }
}

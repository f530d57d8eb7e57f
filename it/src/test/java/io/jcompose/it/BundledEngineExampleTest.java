package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start on the bundled engine: {@code examples/bundled-engine/run.sh}. */
@Timeout(300)
class BundledEngineExampleTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path directory;

  @Test
  void theExampleStackRunsOnTheBundledEngineAndIsTakenDown() throws Exception {
    Path work = directory.resolve("work");
    Path output = directory.resolve("output.txt");
    var builder =
        new ProcessBuilder(
                List.of(
                    "bash",
                    ROOT.resolve("examples/bundled-engine/run.sh").toString(),
                    work.toString()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().remove("DOCKER_HOST");
    Process process = builder.start();
    assertThat(process.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed)
        .contains("client-1  | hello-from-web")
        .contains("web-1     | web is serving")
        .contains("Volume \"bundledhello_data\"  Removed");
    assertThat(work.resolve("engine.sock")).doesNotExist();
    try (Stream<String> mounts = Files.lines(Path.of("/proc/self/mountinfo"))) {
      assertThat(mounts.filter(line -> line.contains(work.toString()))).isEmpty();
    }
    try (Stream<Path> paths = Files.walk(work)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.adapter.DockerRuntime;
import io.jcompose.adapter.Endpoint;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jcompose's own pull path (docker-java through the runtime adapter) accepts the bundled engine's
 * pull stream from a real registry (the suites' docker-registry 2.8 on loopback, started by
 * scripts/test.sh, filled by the test dockerd's {@code docker push}).
 */
@Timeout(300)
class RegistryPullOnBundledEngineTest {

  @Test
  void adapterPull_fromARegistry_storesTheImage_andAMissingTagIsNotFound() throws Exception {
    String registry = System.getenv("JCOMPOSE_TEST_REGISTRY");
    assertThat(registry).as("JCOMPOSE_TEST_REGISTRY (set by scripts/test.sh)").isNotBlank();
    Path directory = Files.createTempDirectory("jce-pull-").toRealPath();
    try {
      String reference =
          registry + "/jcr-" + UUID.randomUUID().toString().substring(0, 8) + "/bb:1";
      pushFromDockerd(directory, reference);

      try (BundledEngine engine =
              BundledEngine.start(
                  Files.createDirectories(directory.resolve("engine")).resolve("engine.sock"));
          DockerRuntime runtime =
              DockerRuntime.connect(
                  new Endpoint(
                      URI.create(engine.host()), Endpoint.Origin.HOST_FLAG, Optional.empty()),
                  Map.of())) {
        var progress = new ArrayList<ImageProgress>();
        runtime.pullImage(reference, Optional.empty(), progress::add);

        assertThat(runtime.inspectImage(reference)).isPresent();
        assertThat(progress).extracting(ImageProgress::status).contains("Pull complete");
        var again = new ArrayList<ImageProgress>();
        runtime.pullImage(reference, Optional.empty(), again::add);
        assertThat(again)
            .extracting(ImageProgress::status)
            .anyMatch(status -> status.startsWith("Status: Image is up to date"));
        String missing = reference.replace(":1", ":missing");
        assertThatThrownBy(() -> runtime.pullImage(missing, Optional.empty(), event -> {}))
            .isInstanceOf(RuntimeFault.class)
            .hasMessageContaining("not found");
      }
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void pushFromDockerd(Path directory, String reference) throws Exception {
    String host = System.getenv("JCOMPOSE_TEST_DOCKER_HOST");
    assertThat(host).as("JCOMPOSE_TEST_DOCKER_HOST (set by scripts/test.sh)").isNotBlank();
    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));
    try {
      dockerd(directory, host, "import", "--change", "ENV PATH=/bin", rootfs.toString(), reference);
      dockerd(directory, host, "push", reference);
    } finally {
      docker(directory, host, List.of("rmi", reference));
    }
  }

  private static void dockerd(Path directory, String host, String... args) throws Exception {
    CommandRun run = docker(directory, host, List.of(args));
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private static CommandRun docker(Path directory, String host, List<String> args)
      throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker", "-H", host));
    command.addAll(args);
    var environment = new java.util.HashMap<String, String>();
    environment.put("DOCKER_HOST", null);
    environment.put("DOCKER_CONTEXT", null);
    environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    return CommandRun.run(command, directory, environment, Duration.ofMinutes(2));
  }
}

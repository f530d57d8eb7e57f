package io.jcompose.it.scenario;

import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.schema.json.JsonText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An endpoint the scenarios run against: where jcompose connects ({@link #dockerHost()}), and the
 * docker CLI on the same endpoint, which the scenarios use to check what jcompose did without
 * asking jcompose.
 *
 * <p>Every scenario runs on both, unchanged (DESIGN.md §7: the same scenario on both).
 */
enum Target {

  /** A real dockerd: the one {@code scripts/test.sh} starts, named by JCOMPOSE_TEST_DOCKER_HOST. */
  DOCKERD {
    @Override
    String dockerHost() {
      String host = System.getenv(DOCKER_HOST_VARIABLE);
      if (host == null || host.isBlank()) {
        throw new AssertionError(
            DOCKER_HOST_VARIABLE
                + " is not set: the scenarios need a real dockerd. Run them through"
                + " scripts/test.sh, which starts one, or export "
                + DOCKER_HOST_VARIABLE
                + "=unix:///path/to/docker.sock");
      }
      return host;
    }

    @Override
    String image() {
      TestDocker.runtime(); // loads the image through the API, once per JVM
      return TestDocker.image();
    }
  },

  /** The bundled engine, started for the scenarios on first use ({@link ScenarioEngine}). */
  BUNDLED_ENGINE {
    @Override
    String dockerHost() {
      return ScenarioEngine.host();
    }

    @Override
    String image() {
      ScenarioEngine.host(); // started and loaded once per JVM
      return ScenarioEngine.IMAGE;
    }
  };

  static final String DOCKER_HOST_VARIABLE = "JCOMPOSE_TEST_DOCKER_HOST";

  private static final Duration CLI_TIMEOUT = Duration.ofMinutes(1);

  /** The targets every scenario runs on (a {@code @MethodSource}). */
  static Stream<Target> all() {
    return Stream.of(DOCKERD, BUNDLED_ENGINE);
  }

  /** The endpoint as a DOCKER_HOST value, {@code unix:///...}. */
  abstract String dockerHost();

  /** The environment that points a docker client (the CLI, docker-compose, jcompose) here. */
  Map<String, String> clientEnvironment() {
    return Map.of("DOCKER_HOST", dockerHost());
  }

  /** The test image (busybox-static) on this endpoint, loaded on first use. */
  abstract String image();

  /** Runs the docker CLI against this endpoint. */
  CommandResult docker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return CommandResult.run(command, Path.of("."), clientEnvironment(), CLI_TIMEOUT);
  }

  /** The project's containers as {@code docker ps -a} reports them (ID, Names, State, Labels…). */
  List<Map<String, Object>> containers(String projectName) throws Exception {
    CommandResult listed =
        docker(
                "ps",
                "-a",
                "--no-trunc",
                "--filter",
                projectFilter(projectName),
                "--format",
                "{{json .}}")
            .ok();
    var containers = new ArrayList<Map<String, Object>>();
    for (String line : listed.out().split("\n")) {
      if (!line.isBlank()) {
        containers.add(jsonObject(line));
      }
    }
    return containers;
  }

  /**
   * What of the project is left on this endpoint: containers, networks and volumes labelled with
   * its name, one line per resource; empty when nothing is.
   */
  List<String> leftovers(String projectName) throws Exception {
    String filter = projectFilter(projectName);
    var left = new ArrayList<String>();
    docker("ps", "-a", "--filter", filter, "--format", "{{.Names}}")
        .ok()
        .out()
        .lines()
        .forEach(name -> left.add("container " + name));
    docker("network", "ls", "--filter", filter, "--format", "{{.Name}}")
        .ok()
        .out()
        .lines()
        .forEach(name -> left.add("network " + name));
    docker("volume", "ls", "--filter", filter, "--format", "{{.Name}}")
        .ok()
        .out()
        .lines()
        .forEach(name -> left.add("volume " + name));
    return left;
  }

  /** Removes what {@link #leftovers} reports, so that one failed scenario does not leak. */
  void removeLeftovers(String projectName) throws Exception {
    String filter = projectFilter(projectName);
    for (String id : docker("ps", "-aq", "--filter", filter).out().split("\\s+")) {
      if (!id.isBlank()) {
        docker("rm", "-f", "-v", id);
      }
    }
    for (String id : docker("network", "ls", "-q", "--filter", filter).out().split("\\s+")) {
      if (!id.isBlank()) {
        docker("network", "rm", id);
      }
    }
    for (String name : docker("volume", "ls", "-q", "--filter", filter).out().split("\\s+")) {
      if (!name.isBlank()) {
        docker("volume", "rm", "-f", name);
      }
    }
  }

  static String projectFilter(String projectName) {
    return "label=com.docker.compose.project=" + projectName;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonObject(String line) {
    Object value = JsonText.parse(line);
    if (!(value instanceof Map)) {
      throw new AssertionError("expected a JSON object, got: " + line);
    }
    return (Map<String, Object>) value;
  }
}

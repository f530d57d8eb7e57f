package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspection and copy verbs: {@code cp}, {@code events}, {@code top}, {@code port}, {@code
 * pause}/{@code unpause}, {@code wait}, {@code images}, {@code stats}; checked with the target's
 * docker CLI where jcompose could only confirm itself.
 */
@Timeout(180)
class ToolsScenarioTest {

  private static final String SLEEPER =
      """
      services:
        app:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
      """;

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void cp_copiesFilesAndDirectoriesIntoAndOutOfTheContainer(Target target) throws Exception {
    Path files = Files.createTempDirectory("jcs-cp");
    try (Stack stack = Stack.create(target, SLEEPER)) {
      stack.jcomposeOk("up", "-d");
      String container = stack.containerName("app", 1);
      Path local = Files.createDirectories(files.resolve("local"));
      Files.writeString(local.resolve("note.txt"), "a note\n");
      Path tree = Files.createDirectories(local.resolve("tree/inner"));
      Files.writeString(tree.resolve("leaf.txt"), "a leaf\n");

      stack.jcomposeOk("cp", local.resolve("note.txt").toString(), "app:/tmp/copied.txt");
      stack.jcomposeOk("cp", local.resolve("tree").toString(), "app:/tmp/");
      stack.jcomposeOk("cp", local.resolve("tree").toString() + "/.", "app:/tmp/contents");

      assertThat(target.docker("exec", container, "cat", "/tmp/copied.txt").ok().out())
          .isEqualTo("a note\n");
      assertThat(target.docker("exec", container, "cat", "/tmp/tree/inner/leaf.txt").ok().out())
          .isEqualTo("a leaf\n");
      assertThat(target.docker("exec", container, "cat", "/tmp/contents/inner/leaf.txt").ok().out())
          .isEqualTo("a leaf\n");

      target
          .docker(
              "exec", container, "sh", "-c", "mkdir -p /data/sub && echo made inside > /data/sub/f")
          .ok();
      Path out = Files.createDirectories(files.resolve("out"));
      stack.jcomposeOk("cp", "app:/etc/hostname", out.resolve("hostname.txt").toString());
      stack.jcomposeOk("cp", "app:/data", out.toString());
      stack.jcomposeOk("cp", "app:/data/.", out.resolve("flat").toString());

      assertThat(Files.readString(out.resolve("hostname.txt")))
          .isEqualTo(target.docker("exec", container, "cat", "/etc/hostname").ok().out());
      assertThat(Files.readString(out.resolve("data/sub/f"))).isEqualTo("made inside\n");
      assertThat(Files.readString(out.resolve("flat/sub/f"))).isEqualTo("made inside\n");

      String tar = stack.jcomposeOk("cp", "app:/tmp/copied.txt", "-").out();
      assertThat(tar).as("a tar on standard output").contains("copied.txt").contains("a note\n");

      CommandResult missing = stack.jcompose("cp", "app:/no/such/file", out.toString());
      assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
      assertThat(missing.err()).contains("/no/such/file");
    } finally {
      try (var paths = Files.walk(files)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void eventsJson_startedBeforeUp_showsTheCreateAndStartOfEachContainerInOrder(Target target)
      throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              db:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              web:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                depends_on: [db]
            """)) {
      Instant before = Instant.now();
      Stack.Running events =
          stack.start(
              "events",
              "--json",
              "--since",
              before.getEpochSecond() + "." + String.format("%09d", before.getNano()));
      stack.jcomposeOk("up", "-d");
      Await.until(
          "events to show both starts",
          Stack.COMMAND_TIMEOUT,
          events::out,
          out -> count(out, "\"action\":\"start\"") == 2);
      List<Map<String, Object>> seen = new ArrayList<>();
      for (String line : events.interrupt().split("\n")) {
        if (!line.isBlank()) {
          seen.add(Target.jsonObject(line));
        }
      }
      List<String> lifecycle = new ArrayList<>();
      for (Map<String, Object> event : seen) {
        assertThat(event).containsKeys("time", "type", "action", "id", "service", "attributes");
        assertThat(event.get("type")).isEqualTo("container");
        if (List.of("create", "start").contains(event.get("action"))) {
          lifecycle.add(event.get("service") + " " + event.get("action"));
        }
      }
      assertThat(lifecycle).containsOnlyOnce("db create", "db start", "web create", "web start");
      assertThat(lifecycle.indexOf("db create")).isLessThan(lifecycle.indexOf("db start"));
      assertThat(lifecycle.indexOf("web create")).isLessThan(lifecycle.indexOf("web start"));
      assertThat(lifecycle.indexOf("db start")).isLessThan(lifecycle.indexOf("web start"));
      Map<?, ?> attributes = (Map<?, ?>) seen.get(0).get("attributes");
      assertThat(attributes.get("name")).asString().startsWith(stack.projectName() + "-");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void topPortImagesAndStats_describeTheRunningContainer(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              app:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                ports: ["80"]
            """)) {
      stack.jcomposeOk("up", "-d");
      String container = stack.containerName("app", 1);

      String top = stack.jcomposeOk("top").out();
      assertThat(top.lines().findFirst()).contains(container);
      assertThat(top).contains("PID").contains("sleep 3600");

      String published = stack.jcomposeOk("port", "app", "80").out().trim();
      String dockerPort = target.docker("port", container, "80/tcp").ok().out();
      assertThat(published).matches("0\\.0\\.0\\.0:\\d+");
      assertThat(dockerPort.lines().toList()).contains(published);
      CommandResult unpublished = stack.jcompose("port", "app", "81");
      assertThat(unpublished.exitCode()).isEqualTo(1);
      assertThat(unpublished.err()).contains("no port 81/tcp for container " + container);

      String images = stack.jcomposeOk("images").out();
      String repository = target.image().substring(0, target.image().lastIndexOf(':'));
      assertThat(images.lines().findFirst().orElse(""))
          .matches("CONTAINER\\s+REPOSITORY\\s+TAG\\s+IMAGE ID\\s+SIZE");
      assertThat(images).contains(container).contains(repository);
      String imageId =
          target.docker("inspect", "--format", "{{.Image}}", container).ok().out().trim();
      assertThat(stack.jcomposeOk("images", "-q").out().trim())
          .isEqualTo(imageId.substring("sha256:".length()));

      String stats = stack.jcomposeOk("stats", "--no-stream").out();
      List<String> rows = stats.lines().toList();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0)).startsWith("CONTAINER ID").contains("MEM USAGE / LIMIT");
      assertThat(rows.get(1)).contains(container).matches(".*\\d+\\.\\d\\d%.*");
      Map<String, Object> statsJson =
          Target.jsonObject(
              stack.jcomposeOk("stats", "--no-stream", "--format", "json").out().trim());
      assertThat(statsJson.get("Name")).isEqualTo(container);
      assertThat((String) statsJson.get("PIDs")).matches("[1-9]\\d*");

      Stack.Running streamed = stack.start("stats");
      Await.until(
          "stats to redraw its table",
          Stack.COMMAND_TIMEOUT,
          streamed::out,
          out -> count(out, "CONTAINER ID") >= 2);
      assertThat(streamed.interrupt()).contains(container);
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void pauseAndUnpause_changeTheStatePsReports(Target target) throws Exception {
    try (Stack stack = Stack.create(target, SLEEPER)) {
      stack.jcomposeOk("up", "-d");
      String container = stack.containerName("app", 1);

      stack.jcomposeOk("pause", "app");
      assertThat(stack.psEntry(container).get("State")).isEqualTo("paused");
      assertThat(target.docker("inspect", "--format", "{{.State.Paused}}", container).ok().out())
          .isEqualTo("true\n");

      stack.jcomposeOk("unpause");
      assertThat(stack.psEntry(container).get("State")).isEqualTo("running");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void wait_returnsTheExitCodeOfTheService(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              job:
                image: ${IMAGE}
                command: ["sh", "-c", "sleep 1; exit 5"]
            """)) {
      stack.jcomposeOk("up", "-d");
      String id = stack.containerIds().get(stack.containerName("job", 1));

      CommandResult waited = stack.jcompose("wait", "job");

      assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(5);
      assertThat(waited.out()).isEqualTo("container \"" + id + "\" exited with status code 5\n");
    }
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}

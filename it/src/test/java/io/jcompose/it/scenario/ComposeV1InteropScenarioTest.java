package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jcompose and Debian's docker-compose 1.29 find each other's containers through the compose
 * labels: each lists, shows and takes down a stack the other brought up. DOCKERD only: the bundled
 * engine's own compose v1 suite is {@code BundledEngineComposeV1Test}.
 */
@Timeout(120)
class ComposeV1InteropScenarioTest {

  private static final String STACK =
      """
      services:
        web:
          image: ${IMAGE}
          command: ["sh", "-c", "echo web-is-up; trap 'exit 0' TERM; sleep 3600 & wait"]
        worker:
          image: ${IMAGE}
          depends_on: [web]
          command: ["sh", "-c", "echo worker-is-up; trap 'exit 0' TERM; sleep 3600 & wait"]
          volumes:
            - data:/data
      volumes:
        data:
      """;

  static Stream<Target> dockerd() {
    return Target.all().filter(target -> target == Target.DOCKERD);
  }

  @ParameterizedTest
  @MethodSource("dockerd")
  void jcompose_listsShowsAndRemovesAStackThatComposeV1BroughtUp(Target target) throws Exception {
    try (Stack stack = Stack.create(target, STACK)) {
      String project = stack.projectName();
      stack.dockerCompose("up", "-d").ok();

      assertThat(stack.ps())
          .extracting(
              entry -> entry.get("Name") + " " + entry.get("Service") + " " + entry.get("State"))
          .containsExactlyInAnyOrder(
              project + "_web_1 web running", project + "_worker_1 worker running");
      String logs =
          Await.until(
              "jcompose logs to show both services' output",
              Stack.COMMAND_TIMEOUT,
              () -> stack.jcomposeOk("logs", "--no-color").out(),
              out -> out.contains("web-is-up") && out.contains("worker-is-up"));
      assertThat(logs).contains("web-is-up", "worker-is-up");

      stack.jcomposeOk("down", "-v", "-t", "1");

      assertThat(target.leftovers(project)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dockerd")
  void composeV1_listsAStackThatJcomposeBroughtUp(Target target) throws Exception {
    try (Stack stack = Stack.create(target, STACK)) {
      stack.jcomposeOk("up", "-d");

      CommandResult ps = stack.dockerCompose("ps").ok();
      assertThat(ps.out().lines())
          .as(ps.toString())
          .anyMatch(line -> line.startsWith(stack.containerName("web", 1)) && line.contains(" Up"))
          .anyMatch(
              line -> line.startsWith(stack.containerName("worker", 1)) && line.contains(" Up"));
      CommandResult ids = stack.dockerCompose("ps", "-q").ok();
      assertThat(ids.out().lines())
          .containsExactlyInAnyOrderElementsOf(stack.containerIds().values());
    }
  }
}

package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A second {@code up} changes exactly what the file or the flags changed. */
@Timeout(120)
class ReconcileScenarioTest {

  private static final String IDLE = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void upScale_addsAndRemovesReplicas(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              web:
                image: ${IMAGE}
                command: IDLE
            """
                .replace("IDLE", IDLE))) {
      stack.jcomposeOk("up", "-d", "--scale", "web=3");

      assertThat(runningNames(stack))
          .containsExactly(
              stack.containerName("web", 1),
              stack.containerName("web", 2),
              stack.containerName("web", 3));
      assertThat(stack.ps()).extracting(entry -> entry.get("Service")).containsOnly("web");

      stack.jcomposeOk("up", "-d", "--scale", "web=1", "-t", "1");

      assertThat(stack.containerIds().keySet()).containsExactly(stack.containerName("web", 1));
      assertThat(runningNames(stack)).containsExactly(stack.containerName("web", 1));
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_withNothingChangedRecreatesAndRestartsNothing(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              web:
                image: ${IMAGE}
                command: IDLE
                depends_on: [db]
                environment:
                  GREETING: hello
                ports:
                  - "80"
              db:
                image: ${IMAGE}
                command: IDLE
                volumes:
                  - data:/data
            volumes:
              data:
            """
                .replace("IDLE", IDLE))) {
      stack.jcomposeOk("up", "-d");
      Map<String, String> before = startTimes(stack);

      CommandResult dryRun = stack.jcomposeOk("--dry-run", "up", "-d");
      assertThat(dryRun.out().lines().filter(line -> line.contains(" container ")))
          .as("container operations in the dry-run plan:\n" + dryRun.out())
          .isEmpty();
      stack.jcomposeOk("up", "-d");

      assertThat(startTimes(stack))
          .as("container IDs and start times after the second up")
          .isEqualTo(before);
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_recreatesOnlyTheServiceWhoseEnvironmentChanged(Target target) throws Exception {
    String compose =
        """
        services:
          alpha:
            image: ${IMAGE}
            environment:
              GREETING: hello
            command: ["sh", "-c", "echo greeting=$$GREETING; trap 'exit 0' TERM; sleep 3600 & wait"]
          beta:
            image: ${IMAGE}
            environment:
              GREETING: BETA_GREETING
            command: ["sh", "-c", "echo greeting=$$GREETING; trap 'exit 0' TERM; sleep 3600 & wait"]
          gamma:
            image: ${IMAGE}
            environment:
              GREETING: hello
            command: ["sh", "-c", "echo greeting=$$GREETING; trap 'exit 0' TERM; sleep 3600 & wait"]
        """;
    try (Stack stack = Stack.create(target, compose.replace("BETA_GREETING", "hello"))) {
      stack.jcomposeOk("up", "-d");
      Map<String, String> before = stack.containerIds();
      stack.awaitLogs("beta", "greeting=hello");

      stack.write(compose.replace("BETA_GREETING", "bonjour"));
      stack.jcomposeOk("up", "-d", "-t", "1");

      Map<String, String> after = stack.containerIds();
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String service : List.of("alpha", "gamma")) {
        String name = stack.containerName(service, 1);
        assertThat(after.get(name)).as(name + " (unchanged)").isEqualTo(before.get(name));
      }
      String beta = stack.containerName("beta", 1);
      assertThat(after.get(beta))
          .as(beta + " (environment changed)")
          .isNotEqualTo(before.get(beta));
      assertThat(stack.awaitLogs("beta", "greeting=bonjour")).doesNotContain("greeting=hello");
      assertThat(runningNames(stack)).hasSize(3);
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void upRemoveOrphans_removesTheContainersOfServicesNoLongerInTheFile(Target target)
      throws Exception {
    String web =
        """
        services:
          web:
            image: ${IMAGE}
            command: IDLE
        """
            .replace("IDLE", IDLE);
    String worker =
        """
          worker:
            image: ${IMAGE}
            command: IDLE
        """
            .replace("IDLE", IDLE);
    try (Stack stack = Stack.create(target, web + worker)) {
      stack.jcomposeOk("up", "-d");
      String workerName = stack.containerName("worker", 1);
      String webName = stack.containerName("web", 1);
      String webId = stack.containerIds().get(webName);
      stack.write(web);

      CommandResult kept = stack.jcomposeOk("up", "-d");
      assertThat(runningNames(stack)).as("without --remove-orphans").contains(workerName);
      assertThat(kept.err())
          .as("the orphan warning")
          .containsIgnoringCase("orphan")
          .contains(workerName);

      stack.jcomposeOk("up", "-d", "--remove-orphans", "-t", "1");
      assertThat(stack.containerIds().keySet()).containsExactly(webName);
      assertThat(stack.containerIds().get(webName)).isEqualTo(webId);
    }
  }

  /** The names of the project's running containers, sorted, as the docker CLI lists them. */
  private static List<String> runningNames(Stack stack) throws Exception {
    return stack.target().containers(stack.projectName()).stream()
        .filter(container -> "running".equals(container.get("State")))
        .map(container -> (String) container.get("Names"))
        .sorted()
        .toList();
  }

  /** Container name to "ID started-at", from docker inspect. */
  private static Map<String, String> startTimes(Stack stack) throws Exception {
    var times = new TreeMap<String, String>();
    for (Map.Entry<String, String> container : stack.containerIds().entrySet()) {
      String startedAt =
          stack
              .target()
              .docker("inspect", "-f", "{{.State.StartedAt}}", container.getValue())
              .ok()
              .out()
              .trim();
      times.put(container.getKey(), container.getValue() + " " + startedAt);
    }
    return times;
  }
}

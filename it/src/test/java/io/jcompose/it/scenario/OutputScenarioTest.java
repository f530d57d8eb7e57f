package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Following output: {@code logs -f} across restarts, attached {@code up --exit-code-from}. */
@Timeout(120)
class OutputScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void logsFollow_showsEveryRunOnceAcrossARestartAndReturnsOnStop(Target target) throws Exception {
    // the container counts its runs in its own filesystem, which a restart keeps
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              app:
                image: ${IMAGE}
                command: ["sh", "-c", "n=$$(cat /count 2>/dev/null || echo 0); n=$$((n+1)); echo $$n > /count; echo run-$$n; trap 'exit 0' TERM; sleep 3600 & wait"]
            """)) {
      stack.jcomposeOk("up", "-d");
      Stack.Running follow = stack.start("logs", "-f", "--no-color", "app");
      Await.until(
          "logs -f to show run-1",
          Stack.COMMAND_TIMEOUT,
          follow::out,
          out -> out.contains("run-1"));

      stack.jcomposeOk("restart", "-t", "1", "app");
      Await.until(
          "logs -f to show run-2",
          Stack.COMMAND_TIMEOUT,
          follow::out,
          out -> out.contains("run-2"));
      stack.jcomposeOk("stop", "-t", "1", "app");

      CommandResult followed = follow.await(Duration.ofSeconds(20));
      assertThat(followed.exitCode()).as(followed.toString()).isZero();
      assertThat(occurrences(followed.out(), "run-1")).as(followed.out()).isEqualTo(1);
      assertThat(occurrences(followed.out(), "run-2")).as(followed.out()).isEqualTo(1);
      assertThat(followed.out().indexOf("run-1")).isLessThan(followed.out().indexOf("run-2"));
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void upExitCodeFrom_returnsTheServicesCodeAndStopsTheOthers(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              server:
                image: ${IMAGE}
                command: ["sh", "-c", "echo server-up; trap 'exit 0' TERM; sleep 3600 & wait"]
              job:
                image: ${IMAGE}
                command: ["sh", "-c", "sleep 1; echo job-gives-up; exit 3"]
            """)) {
      CommandResult up = stack.jcompose("up", "--exit-code-from", "job", "-t", "1");

      assertThat(up.exitCode()).as(up.toString()).isEqualTo(3);
      assertThat(up.out()).contains("job-gives-up");
      assertThat(stack.psEntry(stack.containerName("job", 1)).get("ExitCode")).isEqualTo(3L);
      assertThat(stack.psEntry(stack.containerName("server", 1)).get("State"))
          .as("the other service after up returned")
          .isEqualTo("exited");
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}

package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose's resource limits and restart policy, as the container sees and the endpoint's docker CLI
 * reports them: the same on dockerd and on the bundled engine.
 */
@Timeout(180)
class LimitsScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void memoryAndPidsLimits_areSeenInTheContainer_andExceedingThemFails(Target target)
      throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              limited:
                image: ${IMAGE}
                mem_limit: 16m
                pids_limit: 8
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              hog:
                image: ${IMAGE}
                deploy:
                  resources:
                    limits: {memory: 16m}
                command: ["sh", "-c", "exec dd if=/dev/zero of=/dev/null bs=64M count=1"]
            """)) {
      stack.jcomposeOk("up", "-d");
      String limited = stack.containerName("limited", 1);
      stack.awaitState(limited, "running");

      CommandResult seen =
          target
              .docker(
                  "exec",
                  limited,
                  "sh",
                  "-c",
                  "cd /sys/fs/cgroup; cat memory/memory.limit_in_bytes 2>/dev/null ||"
                      + " cat memory.max; cat pids/pids.max 2>/dev/null || cat pids.max")
              .ok();
      assertThat(seen.out()).isEqualTo("16777216\n8\n");
      CommandResult forks =
          target.docker(
              "exec",
              limited,
              "sh",
              "-c",
              "i=0; while [ $i -lt 20 ]; do sleep 2 & i=$((i+1)); done; wait");
      assertThat(forks.err()).as(forks.toString()).contains("can't fork");

      String hog = stack.containerName("hog", 1);
      stack.awaitState(hog, "exited");
      assertThat(
              target
                  .docker("inspect", "--format", "{{.State.ExitCode}} {{.State.OOMKilled}}", hog)
                  .ok()
                  .out())
          .isEqualTo("137 true\n");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void onFailureThree_restartsACrashingServiceThreeTimes_thenLeavesItExited(Target target)
      throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              crasher:
                image: ${IMAGE}
                restart: on-failure:3
                command: ["sh", "-c", "echo crashing; exit 5"]
            """)) {
      stack.jcomposeOk("up", "-d");
      String crasher = stack.containerName("crasher", 1);

      String settled =
          Await.until(
              crasher + " to have been restarted three times and stay exited",
              Stack.COMMAND_TIMEOUT,
              () ->
                  target
                      .docker(
                          "inspect",
                          "--format",
                          "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}",
                          crasher)
                      .ok()
                      .out(),
              state -> state.startsWith("exited 3 "));

      assertThat(settled).isEqualTo("exited 3 5\n");
      assertThat(
              target
                  .docker("inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", crasher)
                  .ok()
                  .out())
          .isEqualTo("on-failure\n");
      assertThat(stack.awaitLogs("crasher", "crashing").split("crashing", -1)).hasSize(5);
    }
  }
}

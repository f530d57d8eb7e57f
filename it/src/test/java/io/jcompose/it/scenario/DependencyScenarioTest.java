package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code depends_on} conditions hold a dependent back until its dependency is ready. */
@Timeout(120)
class DependencyScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_startsADependentOnlyOnceItsDependencyIsHealthy(Target target) throws Exception {
    // db becomes healthy 2 s after it starts, when it creates /flag/ready; app checks at its
    // start whether that file exists, so it only passes when up waited for db's health.
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              db:
                image: ${IMAGE}
                command: ["sh", "-c", "sleep 2; touch /flag/ready; trap 'exit 0' TERM; sleep 3600 & wait"]
                volumes:
                  - flag:/flag
                healthcheck:
                  test: ["CMD-SHELL", "test -f /flag/ready"]
                  interval: 1s
                  timeout: 1s
                  retries: 30
              app:
                image: ${IMAGE}
                depends_on:
                  db:
                    condition: service_healthy
                volumes:
                  - flag:/flag
                command: ["sh", "-c", "if test -f /flag/ready; then echo verdict=started-after-healthy; else echo verdict=started-too-early; exit 1; fi"]
            volumes:
              flag:
            """)) {
      stack.jcomposeOk("up", "-d");

      Map<String, Object> app = stack.awaitState(stack.containerName("app", 1), "exited");
      String logs = stack.jcomposeOk("logs", "--no-color", "app").out();
      assertThat(logs).contains("verdict=started-after-healthy");
      assertThat(app.get("ExitCode")).isEqualTo(0L);
      assertThat(stack.psEntry(stack.containerName("db", 1)).get("Health")).isEqualTo("healthy");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_runsAOneShotInitServiceToCompletionBeforeTheApp(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              init:
                image: ${IMAGE}
                command: ["sh", "-c", "sleep 1; echo seeded-by-init > /data/seed"]
                volumes:
                  - data:/data
              app:
                image: ${IMAGE}
                depends_on:
                  init:
                    condition: service_completed_successfully
                volumes:
                  - data:/data
                command: ["sh", "-c", "echo app-read-$$(cat /data/seed); trap 'exit 0' TERM; sleep 3600 & wait"]
            volumes:
              data:
            """)) {
      stack.jcomposeOk("up", "-d");

      stack.awaitLogs("app", "app-read-seeded-by-init");
      Map<String, Object> init = stack.psEntry(stack.containerName("init", 1));
      assertThat(init.get("State")).isEqualTo("exited");
      assertThat(init.get("ExitCode")).isEqualTo(0L);
      assertThat(stack.psEntry(stack.containerName("app", 1)).get("State")).isEqualTo("running");
    }
  }
}

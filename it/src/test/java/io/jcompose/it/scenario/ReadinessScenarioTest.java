package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jcompose's own readiness checks ({@code x-jcompose.ready}), run from the client against each
 * endpoint: they hold a dependent back, fail {@code up} with the dependency's last log lines, and
 * make {@code up --wait} wait.
 */
@Timeout(120)
class ReadinessScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_startsADependentOnlyOnceItsDependencyAnswersHttp(Target target) throws Exception {
    // api's server starts 3 s after its container; app fetches the page as it starts, so it only
    // passes when up waited for the http check (through api's published port).
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              api:
                image: ${IMAGE}
                command: ["sh", "-c", "mkdir -p /www && echo api-is-up > /www/health && sleep 3 && exec httpd -f -p 8080 -h /www"]
                ports:
                  - "127.0.0.1:PORT:8080"
                x-jcompose:
                  ready:
                    http: {port: 8080, path: /health, status: 200}
                    interval: 250ms
                    timeout: 60s
              app:
                image: ${IMAGE}
                depends_on: [api]
                command: ["sh", "-c", "if wget -q -O- http://api:8080/health; then echo verdict=started-after-ready; else echo verdict=started-too-early; exit 1; fi"]
            """
                .replace("PORT", Integer.toString(freePort())))) {
      stack.jcomposeOk("up", "-d");

      Map<String, Object> app = stack.awaitState(stack.containerName("app", 1), "exited");
      String logs = stack.jcomposeOk("logs", "--no-color", "app").out();
      assertThat(logs).contains("api-is-up").contains("verdict=started-after-ready");
      assertThat(app.get("ExitCode")).isEqualTo(0L);
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_failsNamingTheDependencyAndItsCheckAndShowsItsLastLogLines(Target target)
      throws Exception {
    // nothing ever listens on api's port 8080, reached on the container's own address
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              api:
                image: ${IMAGE}
                command: ["sh", "-c", "echo api-booting; echo api-still-loading-data; trap 'exit 0' TERM; sleep 3600 & wait"]
              app:
                image: ${IMAGE}
                command: ["sh", "-c", "echo app-started; trap 'exit 0' TERM; sleep 3600 & wait"]
                depends_on:
                  api:
                    condition: service_started
                    x-jcompose:
                      ready: {http: {port: 8080, path: /health}, interval: 250ms, timeout: 3s}
            """)) {
      CommandResult up = stack.jcompose("up", "-d");

      assertThat(up.exitCode()).isNotZero();
      assertThat(up.err())
          .contains("service \"api\" is not ready: http GET :8080/health: connection refused")
          .contains("(after 3s)")
          .contains("last log lines of service api:")
          .contains("api-still-loading-data");
      assertThat(stack.psEntry(stack.containerName("app", 1)).get("State")).isEqualTo("created");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void upWait_returnsOnceALineOfTheServiceMatchesItsLogCheck(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              db:
                image: ${IMAGE}
                command: ["sh", "-c", "sleep 2; echo 'database system is ready to accept connections'; trap 'exit 0' TERM; sleep 3600 & wait"]
                x-jcompose:
                  ready:
                    log: "ready to accept [a-z]+"
                    timeout: 60s
            """)) {
      stack.jcomposeOk("up", "-d", "--wait");

      // the line was written before up returned, without waiting for it here
      String logs = stack.jcomposeOk("logs", "--no-color", "db").out();
      assertThat(logs).contains("database system is ready to accept connections");
    }
  }
}

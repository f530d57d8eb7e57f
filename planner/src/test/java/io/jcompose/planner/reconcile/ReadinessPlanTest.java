package io.jcompose.planner.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Project;
import io.jcompose.planner.observe.ObservedState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependency's readiness check holds its dependents' starts back, whatever the condition. */
class ReadinessPlanTest {

  @TempDir Path directory;

  @Test
  void startedDependencyWithACheck_getsAWaitNodeBeforeTheDependentStarts() {
    Project project =
        Projects.load(
            directory,
            """
            services:
              api:
                image: example/api:1
                x-jcompose:
                  ready:
                    http: {port: 8080, path: /health}
              web:
                image: example/web:1
                depends_on: [api]
              worker:
                image: example/worker:1
                depends_on:
                  api:
                    condition: service_started
                    x-jcompose:
                      ready: {tcp: 8081}
              cache:
                image: redis:7
              client:
                image: example/client:1
                depends_on: [cache]
              once:
                image: example/once:1
                depends_on:
                  api:
                    condition: service_completed_successfully
            """);

    String plan = GoldenPlanTest.up(project, ObservedState.empty(), ReconcileOptions.defaults());

    assertThat(plan)
        .contains(
            "#12 service web: wait for api service_started, then http GET :8080/health"
                + " (depends_on api) after #3\n")
        .contains("#13 container demo-web-1: start (created) after #11, #12\n")
        .contains("service worker: wait for api service_started, then tcp :8081 (depends_on api)")
        .contains("#7 container demo-client-1: start (created) after #5, #6\n")
        .contains("service once: wait for api service_completed_successfully (depends_on api)")
        .doesNotContain("wait for cache");
  }
}

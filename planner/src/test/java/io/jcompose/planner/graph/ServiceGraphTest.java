package io.jcompose.planner.graph;

import static io.jcompose.planner.graph.Projects.project;
import static io.jcompose.planner.graph.Projects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Dependency.Condition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {

  @Test
  void startOrder_putsDependenciesFirstAndBreaksTiesByName() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "api", "cache"),
                service("api", "db"),
                service("worker", "db"),
                service("db"),
                service("cache")));

    assertThat(graph.startOrder()).containsExactly("cache", "db", "api", "web", "worker");
  }

  @Test
  void stopOrder_putsDependentsFirstAndBreaksTiesByName() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "api", "cache"),
                service("api", "db"),
                service("worker", "db"),
                service("db"),
                service("cache")));

    assertThat(graph.stopOrder()).containsExactly("web", "api", "cache", "worker", "db");
  }

  @Test
  void independentServices_startAndStopInNameOrderWhateverTheFileOrder() {
    var graph = ServiceGraph.of(project(service("zeta"), service("alpha"), service("mid")));

    assertThat(graph.startOrder()).containsExactly("alpha", "mid", "zeta");
    assertThat(graph.stopOrder()).containsExactly("alpha", "mid", "zeta");
    assertThat(graph.services()).containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void directNeighbours_areSortedByName() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "db", "cache", "api"),
                service("api", "db"),
                service("db"),
                service("cache")));

    assertThat(graph.dependencies("web")).containsExactly("api", "cache", "db");
    assertThat(graph.dependents("db")).containsExactly("api", "web");
    assertThat(graph.dependents("web")).isEmpty();
  }

  @Test
  void links_areStartedRequiredEdgesThatRestartWithTheDependency() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", Map.of(), Optional.empty(), Map.of("links", List.of("db:database"))),
                service("db")));

    assertThat(graph.startOrder()).containsExactly("db", "web");
    assertThat(graph.dependsOn("web"))
        .containsExactly(Map.entry("db", new Dependency(Condition.SERVICE_STARTED, true, true)));
    assertThat(graph.namespaceParents("web")).isEmpty();
  }

  @Test
  void namespacesAndVolumesFrom_areEdgesAndNamespaceParents() {
    var graph =
        ServiceGraph.of(
            project(
                service(
                    "app",
                    Map.of(),
                    Optional.of("service:vpn"),
                    Map.of(
                        "ipc", "service:shm",
                        "pid", "host",
                        "volumes_from", List.of("data:ro", "container:legacy"))),
                service("vpn"),
                service("shm"),
                service("data")));

    assertThat(graph.dependencies("app")).containsExactly("data", "shm", "vpn");
    assertThat(graph.namespaceParents("app")).containsExactly("data", "shm", "vpn");
    assertThat(graph.dependsOn("app"))
        .containsEntry("vpn", new Dependency(Condition.SERVICE_STARTED, true, true))
        .containsEntry("data", new Dependency(Condition.SERVICE_STARTED, true, false));
    assertThat(graph.missingDependencies("app")).isEmpty();
    assertThat(graph.startOrder()).containsExactly("data", "shm", "vpn", "app");
  }

  @Test
  void declaredDependsOn_winsOverTheImplicitEntryOfALink() {
    var healthy = new Dependency(Condition.SERVICE_HEALTHY, true, false);
    var graph =
        ServiceGraph.of(
            project(
                service(
                    "web", Map.of("db", healthy), Optional.empty(), Map.of("links", List.of("db"))),
                service("db")));

    assertThat(graph.dependsOn("web")).containsExactly(Map.entry("db", healthy));
  }

  @Test
  void dependenciesOutsideTheProject_areKeptOutOfTheGraphButListed() {
    var optional = new Dependency(Condition.SERVICE_HEALTHY, false, false);
    var graph =
        ServiceGraph.of(
            project(
                Set.of("debug"),
                service(
                    "web",
                    Map.of(
                        "db",
                        Dependency.started(),
                        "debug",
                        Dependency.started(),
                        "ghost",
                        optional),
                    Optional.empty(),
                    Map.of("links", List.of("metrics"))),
                service("db")));

    assertThat(graph.dependencies("web")).containsExactly("db");
    assertThat(graph.missingDependencies("web"))
        .containsExactly(
            Map.entry("debug", Dependency.started()),
            Map.entry("ghost", optional),
            Map.entry("metrics", new Dependency(Condition.SERVICE_STARTED, true, true)));
    assertThat(graph.startOrder()).containsExactly("db", "web");
  }

  @Test
  void selfDependency_isACycleOfOne() {
    assertThatThrownBy(() -> ServiceGraph.of(project(service("web", "web"))))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessage("dependency cycle: web -> web")
        .satisfies(
            thrown -> {
              var cycle = (DependencyCycleException) thrown;
              assertThat(cycle.cycle()).containsExactly("web");
              assertThat(cycle.diagnostic().path()).hasToString("services.web.depends_on.web");
              assertThat(cycle.diagnostic().hint()).isEqualTo("a service cannot depend on itself");
              assertThat(cycle.diagnostic().isError()).isTrue();
            });
  }

  @Test
  void twoServicesDependingOnEachOther_nameBothInProjectOrder() {
    assertThatThrownBy(() -> ServiceGraph.of(project(service("db", "web"), service("web", "db"))))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessage("dependency cycle: db -> web -> db");
  }

  @Test
  void cycleOfThree_namesEveryServiceInOrderStartingWithTheFirstInTheProject() {
    var project =
        project(
            service("web", "api"), service("api", "db"), service("db", "web"), service("cache"));

    assertThatThrownBy(() -> ServiceGraph.of(project))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessage("dependency cycle: web -> api -> db -> web")
        .satisfies(
            thrown -> {
              var cycle = (DependencyCycleException) thrown;
              assertThat(cycle.cycle()).containsExactly("web", "api", "db");
              assertThat(cycle.diagnostic().render())
                  .startsWith(
                      "error: services.db.depends_on.web: dependency cycle: web -> api -> db -> web");
            });
  }

  @Test
  void cycleEnteredFromOutside_namesOnlyTheServicesOnTheCycle() {
    var project = project(service("front", "web"), service("web", "api"), service("api", "web"));

    assertThatThrownBy(() -> ServiceGraph.of(project))
        .hasMessage("dependency cycle: web -> api -> web");
  }

  @Test
  void cycleThroughImplicitEdges_pointsAtTheDeclaringAttribute() {
    var project =
        project(
            service("app", Map.of(), Optional.of("service:vpn"), Map.of()),
            service("vpn", Map.of(), Optional.empty(), Map.of("volumes_from", List.of("app"))));

    assertThatThrownBy(() -> ServiceGraph.of(project))
        .hasMessage("dependency cycle: app -> vpn -> app")
        .satisfies(
            thrown ->
                assertThat(((DependencyCycleException) thrown).diagnostic().path())
                    .hasToString("services.vpn.volumes_from[0]"));
  }

  @Test
  void withDependencies_pullsInEverythingTransitivelyInStartOrder() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "api"),
                service("api", "db", "cache"),
                service("db"),
                service("cache"),
                service("worker", "db")));

    assertThat(graph.withDependencies(List.of("web"))).containsExactly("cache", "db", "api", "web");
    assertThat(graph.withDependencies(List.of("db"))).containsExactly("db");
  }

  @Test
  void withDependents_pullsInEverythingThatDependsTransitivelyInStopOrder() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "api"),
                service("api", "db"),
                service("db"),
                service("worker", "db"),
                service("cache")));

    assertThat(graph.withDependents(List.of("db"))).containsExactly("web", "api", "worker", "db");
  }

  @Test
  void layers_groupServicesByTheirDepthInTheGraph() {
    var graph =
        ServiceGraph.of(
            project(
                service("web", "api", "db"),
                service("api", "db"),
                service("db"),
                service("cache")));

    assertThat(graph.layers()).containsExactly(Set.of("cache", "db"), Set.of("api"), Set.of("web"));
    assertThat(graph.layers().get(0)).containsExactly("cache", "db");
  }

  @Test
  void unknownService_isRejectedWithItsName() {
    var graph = ServiceGraph.of(project(service("web")));

    assertThatThrownBy(() -> graph.dependencies("db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no service \"db\"");
    assertThatThrownBy(() -> graph.withDependencies(List.of("web", "db")))
        .hasMessageContaining("no service \"db\"");
  }
}

package io.jcompose.bench;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.reconcile.Reconciler;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.VolumeSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The planner on a generated project: the service graph plus the reconcile of a fresh {@code up},
 * and of a second {@code up} where every tenth service's environment changed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlannerBenchmark {

  @Param({"1000"})
  int services;

  private Project project;
  private ObservedState afterEarlierUp;

  @Setup(Level.Trial)
  public void loadProjects() throws IOException {
    Path directory = Files.createTempDirectory("jcompose-bench");
    String yaml = ComposeGenerator.services(services);
    Project earlier = load(directory, yaml);
    project = load(directory, yaml.replace("REPLICA: \"1", "REPLICA: \"changed-1"));
    Plan fresh =
        Reconciler.up(
                earlier,
                ServiceGraph.of(earlier),
                ObservedState.empty(),
                ReconcileOptions.defaults())
            .plan();
    afterEarlierUp = applied(fresh);
    Files.delete(directory.resolve("compose.yaml"));
    Files.delete(directory);
  }

  @Benchmark
  public Plan freshUp() {
    return Reconciler.up(
            project, ServiceGraph.of(project), ObservedState.empty(), ReconcileOptions.defaults())
        .plan();
  }

  @Benchmark
  public Plan secondUpWithChanges() {
    return Reconciler.up(
            project, ServiceGraph.of(project), afterEarlierUp, ReconcileOptions.defaults())
        .plan();
  }

  private static Project load(Path directory, String yaml) throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), yaml);
    return ProjectLoader.load(
            LoadOptions.of(List.of("compose.yaml"), directory, Map.of()).withProjectName("bench"))
        .project()
        .orElseThrow();
  }

  /** What the endpoint holds after a plan ran: its networks, volumes and running containers. */
  private static ObservedState applied(Plan plan) {
    var networks = new LinkedHashMap<String, NetworkSummary>();
    for (CreateNetwork create : plan.operations(CreateNetwork.class)) {
      networks.put(
          create.networkKey(),
          new NetworkSummary(
              "net-" + create.spec().name(),
              create.spec().name(),
              "bridge",
              create.spec().labels(),
              Set.of()));
    }
    var volumes = new LinkedHashMap<String, VolumeSummary>();
    for (CreateVolume create : plan.operations(CreateVolume.class)) {
      volumes.put(
          create.volumeKey(),
          new VolumeSummary(create.spec().name(), "local", create.spec().labels(), "/"));
    }
    var containers = new ArrayList<ObservedContainer>();
    for (CreateContainer create : plan.operations(CreateContainer.class)) {
      ContainerSpec spec = create.spec();
      var attached = new LinkedHashMap<String, String>();
      spec.networking().endpoints().keySet().forEach(name -> attached.put(name, "net-" + name));
      var mounts = new ArrayList<ContainerSummary.MountPoint>();
      for (ContainerSpec.Mount mount : spec.storage().mounts()) {
        if (mount.type() == ContainerSpec.Mount.Type.VOLUME && mount.source().isPresent()) {
          mounts.add(
              new ContainerSummary.MountPoint(
                  mount.type(), mount.source().get(), "/", mount.target()));
        }
      }
      containers.add(
          ObservedContainer.from(
              new ContainerSummary(
                  "id-" + spec.name(),
                  spec.name(),
                  spec.image(),
                  "",
                  spec.labels(),
                  ContainerStatus.RUNNING,
                  java.util.Optional.empty(),
                  attached,
                  mounts)));
    }
    return new ObservedState(containers, networks, volumes, Map.of());
  }
}

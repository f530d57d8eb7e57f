package io.jcompose.planner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.PortSpec;
import io.jcompose.model.project.Project;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.reconcile.Projects;
import io.jcompose.planner.spi.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneOffSpecsTest {

  private static final String SLUG = "0123456789ab".repeat(5) + "cdef";

  @TempDir Path directory;

  private Project project() {
    return Projects.load(
        directory,
        """
        services:
          app:
            image: busybox
            command: ["sleep", "infinity"]
            restart: always
            environment:
              GREETING: hello
              KEPT: yes
            ports: ["8080:80"]
            volumes: [data:/data]
            networks:
              back:
                aliases: [api]
        networks:
          back:
        volumes:
          data:
        """);
  }

  private static RunOverrides.Process plainProcess() {
    return new RunOverrides.Process(
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        true);
  }

  @Test
  void of_labelsTheContainerAsAOneOffWithoutRestartPortsOrAliases() {
    Project project = project();

    ContainerSpec spec =
        OneOffSpecs.of(
            project,
            project.service("app"),
            "demo-app-run-0123456789ab",
            SLUG,
            Optional.empty(),
            new RunOverrides(plainProcess(), false, List.of(), List.of(), Map.of()));

    assertThat(spec.name()).isEqualTo("demo-app-run-0123456789ab");
    assertThat(spec.labels())
        .containsEntry(Labels.ONEOFF, "True")
        .containsEntry(Labels.SLUG, SLUG)
        .containsEntry(Labels.SERVICE, "app")
        .containsEntry(Labels.PROJECT, "demo");
    assertThat(spec.restart()).isEqualTo(ContainerSpec.RestartPolicy.NO);
    assertThat(spec.networking().ports()).isEmpty();
    assertThat(spec.networking().endpoints()).containsOnlyKeys("demo_back");
    assertThat(spec.networking().endpoints().get("demo_back").aliases()).isEmpty();
    assertThat(spec.process().command()).contains(List.of("sleep", "infinity"));
    assertThat(spec.process().stdinOpen()).isTrue();
    assertThat(spec.storage().mounts())
        .extracting(ContainerSpec.Mount::source)
        .containsExactly(Optional.of("demo_data"));
  }

  @Test
  void of_appliesTheCommandLinesOverrides() {
    Project project = project();
    var process =
        new RunOverrides.Process(
            Optional.of(List.of("env")),
            Optional.of(List.of("/bin/sh", "-c")),
            Map.of("GREETING", "bye", "EXTRA", "1"),
            Optional.of("nobody"),
            Optional.of("/tmp"),
            true,
            false);

    ContainerSpec spec =
        OneOffSpecs.of(
            project,
            project.service("app"),
            "custom",
            SLUG,
            Optional.empty(),
            new RunOverrides(
                process,
                true,
                PortSpec.parse("9090:90"),
                List.of(MountSpec.parse("./here:/here:ro"), MountSpec.parse("data:/more")),
                Map.of("team", "qa")));

    assertThat(spec.process().command()).contains(List.of("env"));
    assertThat(spec.process().entrypoint()).contains(List.of("/bin/sh", "-c"));
    assertThat(spec.process().environment())
        .containsExactlyInAnyOrder("GREETING=bye", "KEPT=yes", "EXTRA=1");
    assertThat(spec.process().user()).contains("nobody");
    assertThat(spec.process().workingDir()).contains("/tmp");
    assertThat(spec.process().tty()).isTrue();
    assertThat(spec.networking().ports())
        .extracting(ContainerSpec.PortBinding::containerPort)
        .containsExactly(80, 90);
    assertThat(spec.storage().mounts())
        .extracting(ContainerSpec.Mount::source)
        .containsExactly(
            Optional.of("demo_data"),
            Optional.of(directory.resolve("here").toString()),
            Optional.of("demo_data"));
    assertThat(spec.labels()).containsEntry("team", "qa");
  }

  @Test
  void of_aNewEntrypointWithoutACommandDropsTheServicesCommand() {
    Project project = project();
    var process =
        new RunOverrides.Process(
            Optional.empty(),
            Optional.of(List.of("env")),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            false,
            false);

    ContainerSpec spec =
        OneOffSpecs.of(
            project,
            project.service("app"),
            "x",
            SLUG,
            Optional.empty(),
            new RunOverrides(process, false, List.of(), List.of(), Map.of()));

    assertThat(spec.process().command()).contains(List.of());
  }
}

package io.jcompose.planner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Project;
import io.jcompose.planner.reconcile.Projects;
import io.jcompose.planner.spi.ContainerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose's limit, privilege and restart attributes reach the container create request. */
class ResourceTranslationTest {

  @TempDir Path directory;

  private ContainerSpec spec(String yaml) {
    Project project = Projects.load(directory, yaml);
    return new ContainerSpecs(project, service -> "demo-" + service + "-1")
        .of(project.services().get("app"), "demo-app-1", 1, Optional.empty());
  }

  @Test
  void serviceAttributes_becomeMemoryCpuPidsAndKernelSettings() {
    ContainerSpec spec =
        spec(
            """
            name: demo
            services:
              app:
                image: busybox
                mem_limit: 16m
                memswap_limit: 32m
                mem_reservation: 8m
                cpus: 0.5
                cpu_shares: 512
                cpuset: "0"
                pids_limit: 8
                shm_size: 32m
                oom_kill_disable: true
                ulimits:
                  nproc: 64
                  nofile: {soft: 100, hard: 200}
                devices: ["/dev/null:/dev/mynull:rw"]
                sysctls: {net.ipv4.ip_unprivileged_port_start: 0}
                cap_add: [NET_ADMIN]
                cap_drop: [ALL]
                privileged: false
                read_only: true
                tmpfs: ["/tmp:size=64m", /run]
                restart: on-failure:3
            """);

    ContainerSpec.Resources resources = spec.resources();
    assertThat(resources.memory())
        .isEqualTo(
            new ContainerSpec.Memory(
                Optional.of(16L << 20), Optional.of(32L << 20), Optional.of(8L << 20), true));
    assertThat(resources.cpu())
        .isEqualTo(
            new ContainerSpec.Cpu(
                Optional.of(500_000_000L),
                Optional.of(512L),
                Optional.empty(),
                Optional.empty(),
                Optional.of("0")));
    assertThat(resources.pidsLimit()).contains(8L);
    assertThat(resources.shmSizeBytes()).contains(32L << 20);
    assertThat(resources.security())
        .isEqualTo(new ContainerSpec.Security(false, true, List.of("NET_ADMIN"), List.of("ALL")));
    assertThat(resources.kernel().ulimits())
        .containsExactlyInAnyOrder(
            new ContainerSpec.Ulimit("nproc", 64, 64),
            new ContainerSpec.Ulimit("nofile", 100, 200));
    assertThat(resources.kernel().devices())
        .containsExactly(new ContainerSpec.Device("/dev/null", "/dev/mynull", "rw"));
    assertThat(resources.kernel().sysctls())
        .isEqualTo(Map.of("net.ipv4.ip_unprivileged_port_start", "0"));
    assertThat(spec.storage().tmpfs()).isEqualTo(Map.of("/tmp", "size=64m", "/run", ""));
    assertThat(spec.restart()).isEqualTo(new ContainerSpec.RestartPolicy("on-failure", 3));
  }

  @Test
  void deployResourcesAndRestartPolicy_fillWhatTheServiceLeavesOut() {
    ContainerSpec spec =
        spec(
            """
            name: demo
            services:
              app:
                image: busybox
                cpu_quota: 50000
                cpu_period: 100000
                restart: always
                deploy:
                  resources:
                    limits: {memory: 64m, cpus: "1.5", pids: 20}
                    reservations: {memory: 16m}
                  restart_policy: {condition: on-failure, max_attempts: 2}
            """);

    ContainerSpec.Resources resources = spec.resources();
    assertThat(resources.memory().limitBytes()).contains(64L << 20);
    assertThat(resources.memory().reservationBytes()).contains(16L << 20);
    assertThat(resources.cpu().nanoCpus()).contains(1_500_000_000L);
    assertThat(resources.cpu().quotaMicros()).contains(50_000L);
    assertThat(resources.cpu().periodMicros()).contains(100_000L);
    assertThat(resources.pidsLimit()).contains(20L);
    assertThat(spec.restart()).isEqualTo(new ContainerSpec.RestartPolicy("on-failure", 2));
  }

  @Test
  void deployRestartConditions_mapAsDockerComposeMapsThem() {
    String yaml =
        """
        name: demo
        services:
          app:
            image: busybox
            deploy:
              restart_policy: {condition: CONDITION}
        """;
    assertThat(spec(yaml.replace("CONDITION", "any")).restart())
        .isEqualTo(new ContainerSpec.RestartPolicy("always", 0));
    assertThat(spec(yaml.replace("CONDITION", "none")).restart())
        .isEqualTo(new ContainerSpec.RestartPolicy("no", 0));
  }
}

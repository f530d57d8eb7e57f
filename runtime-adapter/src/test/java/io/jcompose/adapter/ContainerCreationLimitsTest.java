package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.spi.ContainerSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every limit and privilege of a {@link ContainerSpec} reaches dockerd's HostConfig. */
class ContainerCreationLimitsTest {

  @Test
  void create_sendsMemoryCpuPidsKernelSecurityTmpfsAndRestartSettings() throws Exception {
    DockerRuntime runtime = TestDocker.runtime();
    String name = "jcat-limits-" + UUID.randomUUID().toString().substring(0, 8);
    ContainerSpec base = ContainerSpec.simple(name, TestDocker.image(), List.of("true"));
    var spec =
        new ContainerSpec(
            base.name(),
            base.image(),
            Map.of(),
            base.process(),
            base.networking(),
            new ContainerSpec.Storage(List.of(), List.of(), Map.of("/tmp", "size=1m")),
            new ContainerSpec.Resources(
                new ContainerSpec.Memory(
                    Optional.of(16L << 20), Optional.of(32L << 20), Optional.of(8L << 20), false),
                new ContainerSpec.Cpu(
                    Optional.empty(),
                    Optional.of(512L),
                    Optional.of(50_000L),
                    Optional.of(100_000L),
                    Optional.of("0")),
                Optional.of(8L),
                Optional.of(32L << 20),
                new ContainerSpec.Security(
                    false, true, List.of("NET_BIND_SERVICE"), List.of("ALL")),
                new ContainerSpec.Kernel(
                    List.of(new ContainerSpec.Ulimit("nofile", 100, 200)),
                    List.of(new ContainerSpec.Device("/dev/null", "/dev/mynull", "rwm")),
                    Map.of("net.ipv4.ip_unprivileged_port_start", "0"))),
            Optional.empty(),
            new ContainerSpec.RestartPolicy("on-failure", 3),
            Optional.empty());

    String containerId = runtime.createContainer(spec);
    try (DockerClient docker = TestDocker.dockerClient(runtime)) {
      HostConfig host = docker.inspectContainerCmd(containerId).exec().getHostConfig();

      assertThat(host.getMemory()).isEqualTo(16L << 20);
      assertThat(host.getMemorySwap()).isEqualTo(32L << 20);
      assertThat(host.getMemoryReservation()).isEqualTo(8L << 20);
      assertThat(host.getCpuShares()).isEqualTo(512);
      assertThat(host.getCpuQuota()).isEqualTo(50_000L);
      assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
      assertThat(host.getCpusetCpus()).isEqualTo("0");
      assertThat(host.getPidsLimit()).isEqualTo(8L);
      assertThat(host.getShmSize()).isEqualTo(32L << 20);
      assertThat(host.getReadonlyRootfs()).isTrue();
      assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 100L, 200L));
      assertThat(host.getDevices()).containsExactly(new Device("rwm", "/dev/mynull", "/dev/null"));
      assertThat(host.getSysctls()).isEqualTo(Map.of("net.ipv4.ip_unprivileged_port_start", "0"));
      assertThat(host.getTmpFs()).isEqualTo(Map.of("/tmp", "size=1m"));
      assertThat(host.getRestartPolicy().getName()).isEqualTo("on-failure");
      assertThat(host.getRestartPolicy().getMaximumRetryCount()).isEqualTo(3);
    } finally {
      runtime.removeContainer(containerId, true, true);
    }
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import org.junit.jupiter.api.Test;

/**
 * The docker CLI's resource and security flags reach the container on the engine (cgroup v1 or v2,
 * whichever the host has) and show in inspect as dockerd shows them.
 */
class ResourceLimitsCliTest extends EngineTestBase {

  /** Reads the first of the cgroup files that exists (v1 path, then v2 path). */
  private static String cgroupFile(String v1, String v2) {
    return "cat /sys/fs/cgroup/" + v1 + " 2>/dev/null || cat /sys/fs/cgroup/" + v2;
  }

  @Test
  void memoryLimit_isSeenInTheCgroup_andAProcessAllocatingMoreIsOomKilled() throws Exception {
    DockerCli.Run limit =
        engine.docker(
            "run",
            "--rm",
            "--memory",
            "16m",
            "busybox",
            "sh",
            "-c",
            cgroupFile("memory/memory.limit_in_bytes", "memory.max"));
    assertThat(limit.exitCode()).as(limit.stderr()).isZero();
    assertThat(limit.stdout()).isEqualTo("16777216\n");

    DockerCli.Run hog =
        engine.docker(
            "run",
            "--name",
            "hog",
            "--memory",
            "16m",
            "busybox",
            "sh",
            "-c",
            "exec dd if=/dev/zero of=/dev/null bs=64M count=1");

    assertThat(hog.exitCode()).as(hog.stderr()).isEqualTo(137);
    JsonNode inspected = inspect("hog");
    assertThat(inspected.path("State").path("OOMKilled").asBoolean()).isTrue();
    assertThat(inspected.path("State").path("ExitCode").asInt()).isEqualTo(137);
    assertThat(inspected.path("HostConfig").path("Memory").asLong()).isEqualTo(16L << 20);
    assertThat(inspected.path("HostConfig").path("MemorySwap").asLong()).isEqualTo(32L << 20);
    assertThat(engine.docker("rm", "hog").exitCode()).isZero();
  }

  @Test
  void pidsLimit_isSeenInTheCgroup_andForkingBeyondItFails() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--name",
            "forker",
            "--pids-limit",
            "8",
            "busybox",
            "sh",
            "-c",
            cgroupFile("pids/pids.max", "pids.max")
                + "; i=0; while [ $i -lt 20 ]; do sleep 2 & i=$((i+1)); done; wait");

    assertThat(run.stdout()).as(run.stderr()).startsWith("8\n");
    assertThat(run.stderr()).contains("can't fork");
    assertThat(inspect("forker").path("HostConfig").path("PidsLimit").asLong()).isEqualTo(8);
    assertThat(engine.docker("rm", "forker").exitCode()).isZero();
  }

  @Test
  void ulimitCpusetAndCpus_reachTheProcessAndItsCgroup() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--name",
            "bounded",
            "--ulimit",
            "nofile=100:200",
            "--cpuset-cpus",
            "0",
            "--cpus",
            "0.5",
            "busybox",
            "sh",
            "-c",
            "ulimit -n; ulimit -Hn; grep Cpus_allowed_list /proc/self/status; cd /sys/fs/cgroup;"
                + " if [ -f cpu/cpu.cfs_quota_us ];"
                + " then echo $(cat cpu/cpu.cfs_quota_us) $(cat cpu/cpu.cfs_period_us);"
                + " else cat cpu.max; fi");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout().lines().toList())
        .containsExactly("100", "200", "Cpus_allowed_list:\t0", "50000 100000");
    JsonNode host = inspect("bounded").path("HostConfig");
    assertThat(host.path("Ulimits").toString())
        .isEqualTo("[{\"Name\":\"nofile\",\"Hard\":200,\"Soft\":100}]");
    assertThat(host.path("CpusetCpus").asText()).isEqualTo("0");
    assertThat(host.path("NanoCpus").asLong()).isEqualTo(500_000_000L);
    assertThat(engine.docker("rm", "bounded").exitCode()).isZero();
  }

  @Test
  void namespacedSysctl_isSet_andOneOfTheHostsKernelIsRefusedAtCreate() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--rm",
            "--sysctl",
            "net.ipv4.ip_unprivileged_port_start=0",
            "busybox",
            "cat",
            "/proc/sys/net/ipv4/ip_unprivileged_port_start");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("0\n");

    EngineFixture.Reply refused =
        engine.post(
            "/v1.44/containers/create",
            "{\"Image\":\"busybox\",\"HostConfig\":{\"Sysctls\":{\"vm.swappiness\":\"10\"}}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("sysctl \"vm.swappiness\" is not in a separate kernel namespace");
  }

  @Test
  void capDropAllWithOneAdded_leavesOnlyThatCapabilityEffective() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--name",
            "bare",
            "--cap-drop",
            "ALL",
            "--cap-add",
            "NET_BIND_SERVICE",
            "busybox",
            "sh",
            "-c",
            "grep CapEff /proc/self/status");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("CapEff:\t0000000000000400\n");
    JsonNode host = inspect("bare").path("HostConfig");
    assertThat(host.path("CapDrop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(host.path("CapAdd").toString()).isEqualTo("[\"CAP_NET_BIND_SERVICE\"]");
    assertThat(engine.docker("rm", "bare").exitCode()).isZero();
  }

  @Test
  void readOnlyRootWithATmpfsShmSizeAndADevice_areAsAsked() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--name",
            "sealed",
            "--read-only",
            "--tmpfs",
            "/tmp",
            "--shm-size",
            "32m",
            "--device",
            "/dev/null:/dev/mynull",
            "busybox",
            "sh",
            "-c",
            "touch /file 2>/dev/null || echo root-readonly; touch /tmp/file && echo tmp-writable;"
                + " df -k /dev/shm | tail -1 | awk '{print $2}';"
                + " echo gone > /dev/mynull && ls -l /dev/mynull | awk '{print $1, $5, $6}'");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("root-readonly\ntmp-writable\n32768\ncrw-rw-rw- 1, 3\n");
    JsonNode host = inspect("sealed").path("HostConfig");
    assertThat(host.path("ReadonlyRootfs").asBoolean()).isTrue();
    assertThat(host.path("Tmpfs").toString()).isEqualTo("{\"/tmp\":\"\"}");
    assertThat(host.path("ShmSize").asLong()).isEqualTo(32L << 20);
    assertThat(host.path("Devices").toString())
        .isEqualTo(
            "[{\"PathOnHost\":\"/dev/null\",\"PathInContainer\":\"/dev/mynull\","
                + "\"CgroupPermissions\":\"rwm\"}]");
    assertThat(engine.docker("rm", "sealed").exitCode()).isZero();
  }

  @Test
  void aDeviceDirectory_bringsEveryDeviceInIt_andAMissingDeviceFailsTheStart() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--rm",
            "--device",
            "/dev/net:/dev/vnet",
            "busybox",
            "sh",
            "-c",
            "[ -c /dev/vnet/tun ] && echo tun-present");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("tun-present\n");

    DockerCli.Run missing =
        engine.docker("run", "--name", "no-device", "--device", "/dev/nope", "busybox", "true");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr())
        .contains(
            "error gathering device information while adding custom device \"/dev/nope\":"
                + " no such file or directory");
    assertThat(engine.docker("rm", "no-device").exitCode()).isZero();
  }

  @Test
  void privileged_getsTheHostsDevicesAndMayConfigureItsNetwork() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--rm",
            "--privileged",
            "busybox",
            "sh",
            "-c",
            "[ -c /dev/loop-control ] && echo has-host-devices;"
                + " ip addr add 10.254.254.1/32 dev lo && echo may-add-addresses");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("has-host-devices\nmay-add-addresses\n");

    DockerCli.Run plain =
        engine.docker(
            "run",
            "--rm",
            "busybox",
            "sh",
            "-c",
            "[ -c /dev/loop-control ] || echo no-host-devices");
    assertThat(plain.stdout()).as(plain.stderr()).isEqualTo("no-host-devices\n");
  }

  @Test
  void invalidLimits_areRefusedWithDockerdsMessages() throws Exception {
    DockerCli.Run tooSmall = engine.docker("create", "--memory", "1m", "busybox");
    assertThat(tooSmall.exitCode()).isNotZero();
    assertThat(tooSmall.stderr()).contains("Minimum memory limit allowed is 6MB");

    DockerCli.Run swapBelowMemory =
        engine.docker("create", "--memory", "16m", "--memory-swap", "8m", "busybox");
    assertThat(swapBelowMemory.stderr())
        .contains("Minimum memoryswap limit should be larger than memory limit, see usage");

    DockerCli.Run bothCpus =
        engine.docker("create", "--cpus", "0.5", "--cpu-quota", "50000", "busybox");
    assertThat(bothCpus.stderr())
        .contains("Conflicting options: Nano CPUs and CPU Quota cannot both be set");

    DockerCli.Run missingCpu = engine.docker("create", "--cpuset-cpus", "4096", "busybox");
    assertThat(missingCpu.stderr()).contains("Requested CPUs are not available - requested 4096");

    DockerCli.Run unknownCapability = engine.docker("create", "--cap-add", "FLY", "busybox");
    assertThat(unknownCapability.stderr()).contains("unknown capability: \"CAP_FLY\"");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }
}

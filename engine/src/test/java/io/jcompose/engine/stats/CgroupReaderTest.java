package io.jcompose.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads counters from directories laid out as the kernel's cgroup files. */
class CgroupReaderTest {

  @TempDir Path directory;

  @Test
  void v1Files_giveNanosecondsBytesAndPids() throws IOException {
    Path cpuacct =
        write(
            "cpuacct",
            Map.of(
                "cpuacct.usage", "18481816\n",
                "cpuacct.usage_percpu", "3837810 14644006 \n",
                "cpuacct.stat", "user 1\nsystem 2\n"));
    Path cpu =
        write("cpu", Map.of("cpu.stat", "nr_periods 5\nnr_throttled 2\nthrottled_time 700\n"));
    Path memory =
        write(
            "memory",
            Map.of(
                "memory.usage_in_bytes", "618496\n",
                "memory.max_usage_in_bytes", "3809280\n",
                "memory.limit_in_bytes", "9223372036854771712\n",
                "memory.stat", "cache 90112\nrss 110592\n"));
    Path pids = write("pids", Map.of("pids.current", "2\n", "pids.max", "max\n"));

    ResourceUsage usage =
        CgroupReader.read(
            new CgroupLocation(
                Map.of("cpuacct", cpuacct, "cpu", cpu, "memory", memory, "pids", pids),
                Optional.empty()));

    assertThat(usage.cpu().totalNanos()).isEqualTo(18481816);
    assertThat(usage.cpu().perCpuNanos()).containsExactly(3837810L, 14644006L);
    assertThat(usage.cpu().userNanos()).isEqualTo(10_000_000);
    assertThat(usage.cpu().kernelNanos()).isEqualTo(20_000_000);
    assertThat(usage.cpu().throttledPeriods()).isEqualTo(2);
    assertThat(usage.memory().usage()).isEqualTo(618496);
    assertThat(usage.memory().maxUsage()).hasValue(3809280);
    assertThat(usage.memory().limit()).isEmpty();
    assertThat(usage.memory().stats()).containsEntry("rss", 110592L);
    assertThat(usage.pids().current()).isEqualTo(2);
    assertThat(usage.pids().limit()).isEmpty();
  }

  @Test
  void cgroup2Files_giveTheSameFigures() throws IOException {
    Path unified =
        write(
            "unified",
            Map.of(
                "cpu.stat",
                    "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 3\nnr_throttled 1\nthrottled_usec 20\n",
                "memory.current", "4096\n",
                "memory.max", "67108864\n",
                "memory.stat", "anon 4096\nfile 0\n",
                "pids.current", "3\n",
                "pids.max", "20\n"));

    ResourceUsage usage = CgroupReader.read(new CgroupLocation(Map.of(), Optional.of(unified)));

    assertThat(usage.cpu().totalNanos()).isEqualTo(1_500_000);
    assertThat(usage.cpu().userNanos()).isEqualTo(1_000_000);
    assertThat(usage.cpu().kernelNanos()).isEqualTo(500_000);
    assertThat(usage.cpu().perCpuNanos()).isEmpty();
    assertThat(usage.cpu().throttledNanos()).isEqualTo(20_000);
    assertThat(usage.memory().usage()).isEqualTo(4096);
    assertThat(usage.memory().limit()).hasValue(67108864);
    assertThat(usage.memory().maxUsage()).isEmpty();
    assertThat(usage.pids().current()).isEqualTo(3);
    assertThat(usage.pids().limit()).hasValue(20);
  }

  @Test
  void hostCountersAndInterfaces_areParsedFromProcFiles() {
    HostCounters host =
        HostCounters.of(
            List.of(
                "cpu  100 0 50 1000 10 0 5 0 0 0",
                "cpu0 50 0 25 500 5 0 2 0 0 0",
                "cpu1 50 0 25 500 5 0 3 0 0 0"),
            List.of("MemTotal:       24684092 kB", "MemFree: 1 kB"));
    assertThat(host.systemCpuNanos()).isEqualTo(1165 * 10_000_000L);
    assertThat(host.onlineCpus()).isEqualTo(2);
    assertThat(host.memoryBytes()).isEqualTo(24684092L * 1024);

    var interfaces =
        InterfaceCounters.parse(
            List.of(
                "Inter-|   Receive                                                |  Transmit",
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
                "    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0",
                "  eth0:     646       7    0    1    0     0          0         0       42       2    0    0    0     0       0          0"));
    assertThat(interfaces).containsOnlyKeys("eth0");
    assertThat(interfaces.get("eth0")).isEqualTo(new InterfaceCounters(646, 7, 0, 1, 42, 2, 0, 0));
  }

  private Path write(String name, Map<String, String> files) throws IOException {
    Path cgroup = Files.createDirectories(directory.resolve(name));
    for (var file : files.entrySet()) {
      Files.writeString(cgroup.resolve(file.getKey()), file.getValue());
    }
    return cgroup;
  }
}

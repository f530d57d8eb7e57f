package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.adapter.tools.StatsSample;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsRowTest {

  /** The numbers of dockerd 20.10's one-shot sample (docker-api/samples). */
  private static final StatsSample SAMPLE =
      new StatsSample(
          "apiprobe-s",
          "a52db3e51b6b176e2391ae7d0e407ada8ca5911cf517ca6df7511b26baed0d28",
          new StatsSample.Cpu(18481816, 1437660000000L, 2, 2),
          new StatsSample.Cpu(17509636, 1435650000000L, 2, 2),
          new StatsSample.Memory(
              618496, 25276510208L, Map.of("total_inactive_file", 0L, "inactive_file", 0L)),
          new StatsSample.Io(646, 0, 0, 0),
          2);

  @Test
  void row_computesTheColumnsAsTheDockerCliDoes() {
    StatsRow row = StatsRow.of(SAMPLE);

    // (18481816 - 17509636) / (1437660000000 - 1435650000000) * 2 * 100
    assertThat(row.cells(true))
        .containsExactly(
            "a52db3e51b6b",
            "apiprobe-s",
            "0.10%",
            "604KiB / 23.54GiB",
            "0.00%",
            "646B / 0B",
            "0B / 0B",
            "2");
  }

  @Test
  void cpuPercent_fallsBackToThePerCpuCountAndIsZeroWithoutProgress() {
    var now = new StatsSample.Cpu(2_000, 20_000, 0, 4);
    var before = new StatsSample.Cpu(1_000, 10_000, 0, 4);
    assertThat(StatsRow.cpuPercent(now, before)).isEqualTo(40.0);
    assertThat(StatsRow.cpuPercent(now, now)).isZero();
    assertThat(StatsRow.cpuPercent(now, StatsSample.Cpu.NONE)).isEqualTo(40.0);
  }

  @Test
  void memory_leavesOutTheInactiveFileCacheOfCgroupV1OrV2() {
    assertThat(
            StatsRow.memoryWithoutCache(
                new StatsSample.Memory(1000, 0, Map.of("total_inactive_file", 300L))))
        .isEqualTo(700);
    assertThat(
            StatsRow.memoryWithoutCache(
                new StatsSample.Memory(1000, 0, Map.of("inactive_file", 400L))))
        .isEqualTo(600);
    assertThat(
            StatsRow.memoryWithoutCache(
                new StatsSample.Memory(1000, 0, Map.of("inactive_file", 4000L))))
        .isEqualTo(1000);
  }

  @Test
  void json_hasDockersKeysInGoOrder() {
    assertThat(StatsRow.of(SAMPLE).json(true).keySet())
        .containsExactly(
            "BlockIO",
            "CPUPerc",
            "Container",
            "ID",
            "MemPerc",
            "MemUsage",
            "Name",
            "NetIO",
            "PIDs");
  }

  @Test
  void byteUnits_printAsGoUnitsDoes() {
    assertThat(ByteUnits.decimal(0)).isEqualTo("0B");
    assertThat(ByteUnits.decimal(1234)).isEqualTo("1.23kB");
    assertThat(ByteUnits.decimal(4_300_000)).isEqualTo("4.3MB");
    assertThat(ByteUnits.binary(618496)).isEqualTo("604KiB");
    assertThat(ByteUnits.binary(1536)).isEqualTo("1.5KiB");
  }
}

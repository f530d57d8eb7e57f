package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.adapter.tools.PathStat;
import io.jcompose.adapter.tools.StatsSample;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The wire formats of the tools: the stats JSON and the archive's path-stat header. */
class DockerToolsJsonTest {

  @Test
  void statsJson_readsDockerds20OneShotSample() throws Exception {
    StatsSample sample;
    try (InputStream json =
        getClass().getResourceAsStream("/samples/container-stats-oneshot.json")) {
      sample = StatsJson.sample(new ObjectMapper().readTree(json));
    }

    assertThat(sample.name()).isEqualTo("apiprobe-s");
    assertThat(sample.id()).startsWith("a52db3e51b6b");
    assertThat(sample.cpu()).isEqualTo(new StatsSample.Cpu(18481816, 1437660000000L, 2, 2));
    assertThat(sample.previousCpu()).isEqualTo(new StatsSample.Cpu(17509636, 1435650000000L, 2, 2));
    assertThat(sample.memory().usage()).isEqualTo(618496);
    assertThat(sample.memory().limit()).isEqualTo(25276510208L);
    assertThat(sample.memory().stats()).containsEntry("total_inactive_file", 0L);
    assertThat(sample.io()).isEqualTo(new StatsSample.Io(646, 0, 0, 0));
    assertThat(sample.pids()).isEqualTo(2);
  }

  @Test
  void statsJson_sumsBlockReadsAndWritesByOperation() throws Exception {
    var stats =
        new ObjectMapper()
            .readTree(
                "{\"blkio_stats\":{\"io_service_bytes_recursive\":["
                    + "{\"op\":\"Read\",\"value\":100},{\"op\":\"write\",\"value\":7},"
                    + "{\"op\":\"read\",\"value\":1},{\"op\":\"Total\",\"value\":108}]}}");

    StatsSample sample = StatsJson.sample(stats);

    assertThat(sample.io().blockRead()).isEqualTo(101);
    assertThat(sample.io().blockWritten()).isEqualTo(7);
    assertThat(sample.previousCpu()).isEqualTo(StatsSample.Cpu.NONE);
  }

  @Test
  void pathStat_decodesTheHeaderOfDockerd20() {
    PathStat stat =
        DockerTools.decodePathStat(
            "eyJuYW1lIjoiaG9zdG5hbWUiLCJzaXplIjoxMywibW9kZSI6NDIwLCJtdGltZSI6IjIwMjYtMTEtMjdUMjI6NDc6MTIuODkxMjUzMTI5WiIsImxpbmtUYXJnZXQiOiIifQ==");

    assertThat(stat).isEqualTo(new PathStat("hostname", 13, 420, ""));
    assertThat(stat.isDirectory()).isFalse();
    assertThat(stat.isSymlink()).isFalse();
    assertThat(new PathStat("d", 0, PathStat.DIRECTORY | 0755, "").isDirectory()).isTrue();
  }

  @Test
  void pathStat_malformedHeaderIsAnInternalFault() {
    assertThatThrownBy(() -> DockerTools.decodePathStat("not base64!"))
        .isInstanceOf(RuntimeFault.Internal.class)
        .hasMessageContaining("X-Docker-Container-Path-Stat");
  }
}

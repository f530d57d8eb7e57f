package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.logs.LogStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OciRuntimeLifecycleTest {

  private RuntimeFixture fixture;
  private OciRuntime runtime;

  @BeforeEach
  void setUp() throws Exception {
    fixture = RuntimeFixture.create();
    runtime = fixture.open();
  }

  @AfterEach
  void tearDown() {
    try {
      runtime.close();
    } finally {
      fixture.close();
    }
    assertThat(fixture.leftovers()).isEmpty();
    assertThat(fixture.directory).doesNotExist();
  }

  @Test
  void exitCode_andBothStreamsLoggedWithTimestamps() throws Exception {
    String id = fixture.newId();
    var bundle =
        fixture.bundle(id, fixture.process(id, "sh", "-c", "echo out; echo err >&2; exit 3"));

    long pid = runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    ContainerExit exit = runtime.monitor().awaitExit(id);

    assertThat(pid).isPositive();
    assertThat(exit.exitCode()).isEqualTo(3);
    assertThat(exit.oomKilled()).isFalse();
    List<LogRecord> records = new ContainerLog(bundle.logFile()).read(LogQuery.ALL);
    assertThat(records)
        .extracting(LogRecord::stream, LogRecord::text)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "out\n"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "err\n"));
    var createdAt = runtime.state(id).orElseThrow().createdAt();
    assertThat(records).allSatisfy(record -> assertThat(record.time()).isAfter(createdAt));
    assertThat(Files.readString(bundle.logFile()))
        .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}\\+00:00 stdout F out");
    runtime.delete(id, false);
  }

  @Test
  void partialChunksAreRejoinedIntoOneLine() throws Exception {
    String id = fixture.newId();
    var bundle =
        fixture.bundle(
            id, fixture.process(id, "sh", "-c", "printf 'part'; sleep 0.2; echo rest; echo next"));

    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    runtime.monitor().awaitExit(id);

    assertThat(Files.readString(bundle.logFile())).contains(" stdout P part\n");
    assertThat(new ContainerLog(bundle.logFile()).read(LogQuery.ALL))
        .extracting(LogRecord::text)
        .containsExactly("partrest\n", "next\n");
    runtime.delete(id, false);
  }

  @Test
  void removeAfterStop_leavesNoRuncStateConmonCgroupSymlinkExitFileOrBundle() throws Exception {
    String id = fixture.newId();
    var bundle =
        fixture.bundle(id, fixture.process(id, "sh", "-c", "while true; do sleep 0.2; done"));
    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    assertThat(fixture.conmonProcesses()).hasSize(1);
    assertThat(fixture.cgroupDirectories()).isNotEmpty();

    runtime.stop(id, Signal.TERM, Duration.ofMillis(200));
    runtime.remove(id, bundle);

    assertThat(runtime.list()).isEmpty();
    assertThat(fixture.runcContainers()).isEmpty();
    assertThat(fixture.conmonProcesses()).isEmpty();
    assertThat(fixture.cgroupDirectories()).isEmpty();
    assertThat(fixture.layout.socketDirectory().resolve(id)).doesNotExist();
    assertThat(fixture.layout.exitDirectory().resolve(id)).doesNotExist();
    assertThat(bundle.directory()).doesNotExist();
  }

  @Test
  void createOfAMissingCommand_failsWithRuncsMessage_andLeavesNothingBehind() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "no-such-binary"));

    assertThatThrownBy(() -> runtime.create(id, bundle, Stdio.LOG_ONLY))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("executable file not found");

    assertThat(runtime.state(id)).isEmpty();
    assertThat(fixture.layout.socketDirectory().resolve(id)).doesNotExist();
    runtime.remove(id, bundle);
    assertThat(bundle.directory()).doesNotExist();
  }

  @Test
  void createOfATakenId_isAConflict() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sleep", "1000"));
    runtime.create(id, bundle, Stdio.LOG_ONLY);

    assertThatThrownBy(() -> runtime.create(id, bundle, Stdio.LOG_ONLY))
        .isInstanceOf(EngineFault.Conflict.class);
    assertThat(runtime.state(id).orElseThrow().status()).isEqualTo(ContainerStatus.CREATED);
    runtime.delete(id, true);
  }
}

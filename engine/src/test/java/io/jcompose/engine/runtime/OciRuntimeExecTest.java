package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.oci.UserSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OciRuntimeExecTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private RuntimeFixture fixture;
  private OciRuntime runtime;
  private String id;

  @BeforeEach
  void startSleeper() throws Exception {
    fixture = RuntimeFixture.create();
    runtime = fixture.open();
    id = fixture.newId();
    var process =
        fixture.process(id, "sleep", "1000").withInit(true).withUser(UserSpec.parse("nobody"));
    runtime.create(id, fixture.bundle(id, process), Stdio.LOG_ONLY);
    runtime.start(id);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      runtime.delete(id, true);
      runtime.close();
    } finally {
      fixture.close();
    }
    assertThat(fixture.leftovers()).isEmpty();
  }

  @Test
  void exec_collectsBothStreamsAndTheExitCode() throws Exception {
    ExecResult result =
        runtime.exec(
            id,
            ExecRequest.of(TIMEOUT, "sh", "-c", "echo out $GREETING; pwd; echo err >&2; exit 4")
                .withEnv(List.of("GREETING=hi"))
                .withCwd("/tmp"));

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.stdout()).isEqualTo("out hi\n/tmp\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  void exec_ofAMissingBinary_exits127LikeDocker() throws Exception {
    ExecResult result = runtime.exec(id, ExecRequest.of(TIMEOUT, "no-such-command"));

    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.stderr()).contains("executable file not found");
  }

  @Test
  void exec_runsAsTheContainersUser_orAsTheOneAsked() throws Exception {
    assertThat(runtime.exec(id, ExecRequest.of(TIMEOUT, "id", "-u")).stdout()).isEqualTo("65534\n");
    ExecResult asRoot = runtime.exec(id, ExecRequest.of(TIMEOUT, "id").withUser("root"));
    assertThat(asRoot.stdout()).startsWith("uid=0(root) gid=0(root)");
  }

  @Test
  void exec_thatOutlivesItsTimeout_isKilled() throws Exception {
    ExecResult result =
        runtime.exec(
            id, ExecRequest.of(Duration.ofMillis(300), "sh", "-c", "echo started; sleep 60"));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.exitCode()).isEqualTo(137);
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(
            runtime
                .exec(id, ExecRequest.of(TIMEOUT, "sh", "-c", "ps -o comm | grep -c sleep"))
                .stdout())
        .isEqualTo("1\n");
  }

  @Test
  void exec_inAStoppedContainer_isAConflict() throws Exception {
    runtime.kill(id, Signal.KILL);
    runtime.monitor().awaitExit(id);

    assertThatThrownBy(() -> runtime.exec(id, ExecRequest.of(TIMEOUT, "true")))
        .isInstanceOf(EngineFault.Conflict.class);
  }

  @Test
  void containerWithUserNobody_runsAsItsUidFromTheRootfsPasswd() throws Exception {
    String nobodyId = fixture.newId();
    var process =
        fixture
            .process(nobodyId, "sh", "-c", "id -u; id -g; id -G")
            .withUser(UserSpec.parse("nobody"));
    var bundle = fixture.bundle(nobodyId, process);
    runtime.create(nobodyId, bundle, Stdio.LOG_ONLY);
    runtime.start(nobodyId);

    assertThat(runtime.monitor().awaitExit(nobodyId).exitCode()).isZero();
    assertThat(new ContainerLog(bundle.logFile()).read(LogQuery.ALL))
        .extracting(LogRecord::text)
        .containsExactly("65534\n", "65534\n", "65534 50\n");
    runtime.delete(nobodyId, false);
  }
}

package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ExecSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exec and attach with standard input over hijacked connections, on the test run's dockerd. */
@Timeout(120)
class ContainerStreamsTest {

  private final DockerRuntime runtime = TestDocker.runtime();
  private final String name = "jcompose-streams-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeContainer() {
    try {
      runtime.removeContainer(name, true, true);
    } catch (io.jcompose.planner.spi.RuntimeFault.NotFound gone) {
      // removed by the test
    }
  }

  @Test
  void exec_forwardsStdinUntilItsEofAndReportsTheExitCode() throws Exception {
    startSleeper();
    ContainerStreams streams = runtime.streams();
    String execId =
        streams.createExec(
            name, ExecSpec.of(List.of("sh", "-c", "cat; echo err >&2; exit 7")), true);

    var stdout = new ByteArrayOutputStream();
    var stderr = new ByteArrayOutputStream();
    try (StreamConnection connection = streams.startExec(execId, false)) {
      connection.input().write("from stdin\n".getBytes(StandardCharsets.UTF_8));
      connection.input().flush();
      connection.closeInput();
      FrameDemultiplexer.copy(connection.output(), stdout, stderr);
    }

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("from stdin\n");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("err\n");
    assertThat(streams.execExitCode(execId)).isEqualTo(7);
  }

  @Test
  void exec_withATty_sendsRawOutputAndTakesResizes() throws Exception {
    startSleeper();
    ContainerStreams streams = runtime.streams();
    var spec =
        new ExecSpec(
            List.of("sh", "-c", "read line; stty size; echo got-$line"),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            true,
            false);
    String execId = streams.createExec(name, spec, true);

    String output;
    try (StreamConnection connection = streams.startExec(execId, true)) {
      streams.resizeExec(execId, new TerminalSize(33, 77));
      connection.input().write("x\n".getBytes(StandardCharsets.UTF_8));
      connection.input().flush();
      output = new String(connection.output().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(output).contains("33 77").contains("got-x");
    assertThat(streams.execExitCode(execId)).isZero();
  }

  @Test
  void attach_beforeStart_seesTheFirstOutputAndStdinEofEndsAStdinOnceContainer() throws Exception {
    ContainerStreams streams = runtime.streams();
    var spec =
        ContainerSpec.simple(
            name, TestDocker.image(), List.of("sh", "-c", "echo started; cat; exit 3"));
    streams.createAttachable(spec, true, false);

    var stdout = new ByteArrayOutputStream();
    try (StreamConnection connection =
        streams.attach(name, new AttachRequest(true, false, Optional.empty(), false))) {
      runtime.startContainer(name);
      connection.input().write("typed\n".getBytes(StandardCharsets.UTF_8));
      connection.input().flush();
      connection.closeInput();
      FrameDemultiplexer.copy(connection.output(), stdout, new ByteArrayOutputStream());
    }

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("started\ntyped\n");
    assertThat(runtime.waitContainer(name)).isEqualTo(3);
  }

  private void startSleeper() throws IOException {
    runtime.createContainer(
        ContainerSpec.simple(name, TestDocker.image(), List.of("sleep", "3600")));
    runtime.startContainer(name);
  }
}

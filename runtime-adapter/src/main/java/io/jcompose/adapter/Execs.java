package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs a command in a container: exec create, exec start (collecting output), exec inspect. */
final class Execs {

  /** How often exec inspect is asked for an exit code the daemon has not recorded yet. */
  private static final int EXIT_CODE_POLLS = 100;

  private final DockerClient docker;
  private final Faults faults;

  Execs(DockerClient docker, Faults faults) {
    this.docker = docker;
    this.faults = faults;
  }

  /**
   * Creates an exec whose output is attached (and its input, with {@code attachStdin}).
   *
   * @return the exec's ID
   */
  static String create(
      DockerClient docker,
      Faults faults,
      String containerIdOrName,
      ExecSpec spec,
      boolean attachStdin) {
    ExecCreateCmd create =
        docker
            .execCreateCmd(containerIdOrName)
            .withCmd(spec.command().toArray(String[]::new))
            .withAttachStdin(attachStdin)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withTty(spec.tty())
            .withPrivileged(spec.privileged());
    if (!spec.environment().isEmpty()) {
      create.withEnv(spec.environment());
    }
    spec.user().ifPresent(create::withUser);
    spec.workingDir().ifPresent(create::withWorkingDir);
    return faults.call(create::exec).getId();
  }

  ExecResult run(String containerIdOrName, ExecSpec spec) throws InterruptedException {
    String execId = create(docker, faults, containerIdOrName, spec, false);

    var output = new Output();
    try {
      docker.execStartCmd(execId).withTty(spec.tty()).exec(output);
      output.awaitCompletion();
    } catch (InterruptedException interrupted) {
      output.cancel();
      throw interrupted;
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
    return new ExecResult(exitCode(execId), output.stdout(), output.stderr());
  }

  /** The daemon records the exit code as the stream ends; a slow one is asked again. */
  private int exitCode(String execId) throws InterruptedException {
    for (int poll = 0; poll < EXIT_CODE_POLLS; poll++) {
      InspectExecResponse inspected = faults.call(() -> docker.inspectExecCmd(execId).exec());
      if (!Boolean.TRUE.equals(inspected.isRunning()) && inspected.getExitCodeLong() != null) {
        return inspected.getExitCodeLong().intValue();
      }
      Thread.sleep(50);
    }
    throw new RuntimeFault.Internal("the daemon recorded no exit code for exec " + execId);
  }

  private static final class Output extends StreamCallback<Frame> {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Override
    protected synchronized void deliver(Frame frame) {
      ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
      target.writeBytes(frame.getPayload());
    }

    synchronized String stdout() {
      return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }
}

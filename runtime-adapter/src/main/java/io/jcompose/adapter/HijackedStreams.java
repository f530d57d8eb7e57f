package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.Frame;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.RuntimeFault;

/**
 * {@link ContainerStreams} on a Docker-API endpoint: creates and inspects through docker-java,
 * streams through {@link Hijack}, resizes through the raw path.
 */
final class HijackedStreams implements ContainerStreams {

  /** How often exec inspect is asked for an exit code the daemon has not recorded yet. */
  private static final int EXIT_CODE_POLLS = 100;

  private final DockerClient docker;
  private final RawApi raw;
  private final Hijack hijack;
  private final ContainerCreation creation;
  private final Faults faults;

  HijackedStreams(
      DockerClient docker, RawApi raw, Hijack hijack, ContainerCreation creation, Faults faults) {
    this.docker = docker;
    this.raw = raw;
    this.hijack = hijack;
    this.creation = creation;
    this.faults = faults;
  }

  @Override
  public String createExec(String containerIdOrName, ExecSpec spec, boolean attachStdin) {
    return Execs.create(docker, faults, containerIdOrName, spec, attachStdin);
  }

  @Override
  public void startExecDetached(String execId) throws InterruptedException {
    var started = new ResultCallback.Adapter<Frame>();
    try {
      docker.execStartCmd(execId).withDetach(true).exec(started).awaitCompletion();
    } catch (InterruptedException interrupted) {
      StreamCallback.closeQuietly(started);
      throw interrupted;
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
  }

  @Override
  public StreamConnection startExec(String execId, boolean tty) {
    return hijack.post(
        "/exec/" + RawApi.pathSegment(execId) + "/start",
        "{\"Detach\":false,\"Tty\":" + tty + "}",
        tty);
  }

  @Override
  public void resizeExec(String execId, TerminalSize size) {
    raw.post("/exec/" + RawApi.pathSegment(execId) + "/resize" + query(size));
  }

  @Override
  public int execExitCode(String execId) throws InterruptedException {
    for (int poll = 0; poll < EXIT_CODE_POLLS; poll++) {
      InspectExecResponse inspected = faults.call(() -> docker.inspectExecCmd(execId).exec());
      if (!Boolean.TRUE.equals(inspected.isRunning()) && inspected.getExitCodeLong() != null) {
        return inspected.getExitCodeLong().intValue();
      }
      Thread.sleep(50);
    }
    throw new RuntimeFault.Internal("the daemon recorded no exit code for exec " + execId);
  }

  @Override
  public ContainerStdio stdio(String containerIdOrName) {
    ContainerConfig config =
        faults.call(() -> docker.inspectContainerCmd(containerIdOrName).exec()).getConfig();
    return new ContainerStdio(
        config != null && Boolean.TRUE.equals(config.getTty()),
        config != null && Boolean.TRUE.equals(config.getStdinOpen()));
  }

  @Override
  public StreamConnection attach(String containerIdOrName, AttachRequest request) {
    var path =
        new StringBuilder("/containers/")
            .append(RawApi.pathSegment(containerIdOrName))
            .append("/attach?stream=1&stdout=1&stderr=1")
            .append("&stdin=")
            .append(request.stdin() ? 1 : 0);
    if (request.logs()) {
      path.append("&logs=1");
    }
    request
        .detachKeys()
        .ifPresent(keys -> path.append("&detachKeys=").append(RawApi.pathSegment(keys)));
    return hijack.post(path.toString(), "", request.tty());
  }

  @Override
  public void resizeContainer(String containerIdOrName, TerminalSize size) {
    raw.post("/containers/" + RawApi.pathSegment(containerIdOrName) + "/resize" + query(size));
  }

  @Override
  public String createAttachable(ContainerSpec spec, boolean attachStdin, boolean autoRemove) {
    return creation.create(spec, attachStdin, autoRemove);
  }

  private static String query(TerminalSize size) {
    return "?h=" + size.rows() + "&w=" + size.columns();
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.runtime.ExecRequest;
import io.jcompose.engine.runtime.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exec instances ({@code docker exec}, testcontainers' port check): made for a running container,
 * run once with {@code runc exec} (no terminal, no stdin; the output is handed over when the
 * process ends), then kept for inspect until their container is gone. The exit code is recorded
 * before the output is handed over, so a client that inspects right after the stream ends sees it.
 */
final class ContainerExecs {

  /** An exec runs at most this long before it is killed (137). */
  private static final Duration EXEC_LIMIT = Duration.ofDays(7);

  /**
   * What {@code POST /containers/{id}/exec} asks for.
   *
   * @param workingDir empty for the container's
   * @param user empty for the container's
   */
  record ExecSpec(
      List<String> command,
      List<String> env,
      String workingDir,
      String user,
      boolean tty,
      boolean privileged,
      boolean attachStdout,
      boolean attachStderr) {
    ExecSpec {
      command = List.copyOf(command);
      env = List.copyOf(env);
      Objects.requireNonNull(workingDir, "workingDir");
      Objects.requireNonNull(user, "user");
    }
  }

  /** An exec instance as inspect reports it. */
  record ExecView(
      String id, String containerId, ExecSpec spec, boolean running, Optional<Integer> exitCode) {}

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final Map<String, ExecView> execs = new ConcurrentHashMap<>();

  ContainerExecs(ContainerSubsystems parts, ContainerRegistry registry, ContainerEvents events) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
  }

  /**
   * @return the new exec's id
   * @throws EngineFault.Conflict when the container is not running
   * @throws EngineFault.InvalidArgument without a command
   */
  String create(String containerReference, ExecSpec spec) {
    if (spec.command().isEmpty()) {
      throw new EngineFault.InvalidArgument("No exec command specified");
    }
    Container container = registry.resolve(containerReference).current();
    requireRunning(container);
    execs.values().removeIf(exec -> registry.byId(exec.containerId()).isEmpty());
    String id = ContainerNames.newId();
    execs.put(id, new ExecView(id, container.id(), spec, false, Optional.empty()));
    events.publish(
        container, "exec_create: " + String.join(" ", spec.command()), Map.of("execID", id));
    return id;
  }

  /**
   * Marks the exec as running; {@link #run} runs it.
   *
   * @throws EngineFault.NotFound {@code No such exec instance: x}
   * @throws EngineFault.Conflict when it ran or runs already, or its container stopped
   */
  synchronized ExecView claim(String execId) {
    ExecView exec = inspect(execId);
    if (exec.exitCode().isPresent()) {
      throw new EngineFault.Conflict("Error: Exec command " + execId + " has already run");
    }
    if (exec.running()) {
      throw new EngineFault.Conflict("Error: Exec command " + execId + " is already running");
    }
    requireRunning(registry.resolve(exec.containerId()).current());
    ExecView running =
        new ExecView(exec.id(), exec.containerId(), exec.spec(), true, Optional.empty());
    execs.put(execId, running);
    return running;
  }

  /** Runs a claimed exec to its end and records its exit code. */
  ExecResult run(ExecView exec) throws InterruptedException {
    Container container = registry.resolve(exec.containerId()).current();
    String command = String.join(" ", exec.spec().command());
    events.publish(container, "exec_start: " + command, Map.of("execID", exec.id()));
    ExecRequest request =
        new ExecRequest(
            exec.spec().command(),
            exec.spec().env(),
            exec.spec().workingDir().isEmpty()
                ? Optional.empty()
                : Optional.of(exec.spec().workingDir()),
            exec.spec().user().isEmpty() ? Optional.empty() : Optional.of(exec.spec().user()),
            EXEC_LIMIT);
    ExecResult result;
    try {
      result = parts.runtime().exec(exec.containerId(), request);
    } catch (RuntimeException | InterruptedException e) {
      finish(exec, 126);
      throw e;
    }
    finish(exec, result.exitCode());
    return result;
  }

  /**
   * @throws EngineFault.NotFound {@code No such exec instance: x}
   */
  ExecView inspect(String execId) {
    ExecView exec = execs.get(execId);
    if (exec == null) {
      throw new EngineFault.NotFound("No such exec instance: " + execId);
    }
    return exec;
  }

  private void finish(ExecView exec, int exitCode) {
    execs.put(
        exec.id(),
        new ExecView(exec.id(), exec.containerId(), exec.spec(), false, Optional.of(exitCode)));
    registry
        .byId(exec.containerId())
        .ifPresent(
            entry ->
                events.publish(
                    entry.current(),
                    "exec_die",
                    Map.of("execID", exec.id(), "exitCode", Integer.toString(exitCode))));
  }

  private static void requireRunning(Container container) {
    if (container.state().status() == ContainerState.Status.PAUSED) {
      throw new EngineFault.Conflict(
          "Container " + container.id() + " is paused, unpause the container before exec");
    }
    if (!container.isRunning()) {
      throw new EngineFault.Conflict("Container " + container.id() + " is not running");
    }
  }
}

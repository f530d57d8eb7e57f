package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.runtime.ExecRequest;
import io.jcompose.engine.runtime.ExecResult;
import io.jcompose.engine.runtime.ExecSession;
import io.jcompose.engine.runtime.TerminalSize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exec instances ({@code docker exec}, testcontainers' port check): made for a running container,
 * run once with {@code runc exec}, then kept for inspect until their container is gone. Without
 * stdin or a terminal the output is handed over when the process ends; with either it is streamed
 * ({@link #start}). The exit code is recorded before the output is handed over, so a client that
 * inspects right after the stream ends sees it.
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
      boolean attachStdin,
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
  private final Map<String, ExecSession> sessions = new ConcurrentHashMap<>();

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
    ExecRequest request = request(exec);
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
   * Starts a claimed exec whose stdio the caller streams (stdin, or a terminal); the caller reports
   * its end through {@link #ended}.
   */
  ExecSession start(ExecView exec, Optional<TerminalSize> size) {
    ExecRequest request = request(exec);
    ExecSession session;
    try {
      session = parts.runtime().startExec(exec.containerId(), request, exec.spec().tty(), size);
    } catch (RuntimeException e) {
      finish(exec, 126);
      throw e;
    }
    sessions.put(exec.id(), session);
    return session;
  }

  /** A started exec ended with {@code exitCode}. */
  void ended(ExecView exec, int exitCode) {
    sessions.remove(exec.id());
    finish(exec, exitCode);
  }

  /** The live session of an exec with a terminal or stdin, while it runs. */
  Optional<ExecSession> session(String execId) {
    return Optional.ofNullable(sessions.get(execId));
  }

  /** The runtime request of an exec; publishes its {@code exec_start}. */
  private ExecRequest request(ExecView exec) {
    Container container = registry.resolve(exec.containerId()).current();
    String command = String.join(" ", exec.spec().command());
    events.publish(container, "exec_start: " + command, Map.of("execID", exec.id()));
    List<String> env = exec.spec().env();
    if (exec.spec().tty() && env.stream().noneMatch(entry -> entry.startsWith("TERM="))) {
      env = new java.util.ArrayList<>(env);
      env.add("TERM=xterm");
    }
    return new ExecRequest(
        exec.spec().command(),
        env,
        exec.spec().workingDir().isEmpty()
            ? Optional.empty()
            : Optional.of(exec.spec().workingDir()),
        exec.spec().user().isEmpty() ? Optional.empty() : Optional.of(exec.spec().user()),
        EXEC_LIMIT);
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

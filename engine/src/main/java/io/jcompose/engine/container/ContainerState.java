package io.jcompose.engine.container;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a container is in its life ({@code State} in inspect).
 *
 * @param pid the init process on the host while it runs, else 0
 * @param exitCode of the last run (0 before any)
 * @param error why the last start failed, or empty
 * @param startedAt the last start; empty before any
 * @param finishedAt the last exit; empty before any
 * @param restartCount how often the restart policy started it again since the last manual start
 * @param manuallyStopped a client stopped or killed it: no restart policy applies until a client
 *     starts it again
 */
public record ContainerState(
    Status status,
    long pid,
    int exitCode,
    String error,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    boolean oomKilled,
    int restartCount,
    boolean manuallyStopped) {

  /** The states of docker's {@code State.Status}. */
  public enum Status {
    CREATED,
    RESTARTING,
    RUNNING,
    REMOVING,
    PAUSED,
    EXITED,
    DEAD;

    /** {@code created}, {@code running} ... */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for a name that is not a status
     */
    public static Status parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  public static final ContainerState CREATED =
      new ContainerState(
          Status.CREATED, 0, 0, "", Optional.empty(), Optional.empty(), false, 0, false);

  public ContainerState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** Running, or paused: a process exists. */
  public boolean isRunning() {
    return status == Status.RUNNING || status == Status.PAUSED;
  }

  /** Started now as process {@code newPid}. */
  public ContainerState started(long newPid, Instant at, boolean byRestartPolicy) {
    return new ContainerState(
        Status.RUNNING,
        newPid,
        0,
        "",
        Optional.of(at),
        finishedAt,
        false,
        byRestartPolicy ? restartCount + 1 : 0,
        false);
  }

  /** The process ended; {@code restarting} when the restart policy will start it again. */
  public ContainerState exited(int code, Instant at, boolean oom, boolean restarting) {
    return new ContainerState(
        restarting ? Status.RESTARTING : Status.EXITED,
        0,
        code,
        "",
        startedAt,
        Optional.of(at),
        oom,
        restartCount,
        manuallyStopped);
  }

  /** A start failed: the status stays, the error is kept. */
  public ContainerState failed(String message) {
    return new ContainerState(
        status == Status.RESTARTING ? Status.EXITED : status,
        0,
        exitCode,
        message,
        startedAt,
        finishedAt,
        oomKilled,
        restartCount,
        manuallyStopped);
  }

  public ContainerState withStatus(Status newStatus) {
    return new ContainerState(
        newStatus,
        pid,
        exitCode,
        error,
        startedAt,
        finishedAt,
        oomKilled,
        restartCount,
        manuallyStopped);
  }

  public ContainerState withManuallyStopped(boolean value) {
    return new ContainerState(
        status, pid, exitCode, error, startedAt, finishedAt, oomKilled, restartCount, value);
  }

  public ContainerState withPid(long newPid) {
    return new ContainerState(
        status,
        newPid,
        exitCode,
        error,
        startedAt,
        finishedAt,
        oomKilled,
        restartCount,
        manuallyStopped);
  }
}

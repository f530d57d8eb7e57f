package io.jcompose.engine.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's configuration as inspect reports it ({@code Config}): what the client asked for,
 * merged with its image's defaults at create. Unset strings are empty and unset lists empty, as the
 * API reports them; the record is also the stored form (plain values only).
 *
 * @param image the image reference as the client wrote it ({@code local/busybox:1})
 * @param stdio the attach and terminal flags
 * @param exposedPorts {@code 80/tcp} and the like, the image's included
 * @param volumes the paths that get an anonymous volume when nothing else is mounted there
 * @param stopTimeout seconds a stop waits before SIGKILL; -1 when unset (10 then)
 * @param healthcheck the probe; {@link Healthcheck#NONE} when neither the client nor the image set
 *     one
 */
public record ContainerConfig(
    String image,
    String hostname,
    String domainname,
    String user,
    Stdio stdio,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    List<String> exposedPorts,
    List<String> volumes,
    Map<String, String> labels,
    String stopSignal,
    int stopTimeout,
    Healthcheck healthcheck) {

  public ContainerConfig {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(domainname, "domainname");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(stdio, "stdio");
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    Objects.requireNonNull(workingDir, "workingDir");
    exposedPorts = List.copyOf(exposedPorts);
    volumes = List.copyOf(volumes);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(stopSignal, "stopSignal");
    Objects.requireNonNull(healthcheck, "healthcheck");
  }

  /** The program and its arguments: the entrypoint followed by the command. */
  public List<String> commandLine() {
    var all = new java.util.ArrayList<String>(entrypoint);
    all.addAll(cmd);
    return List.copyOf(all);
  }

  public ContainerConfig withHostname(String newHostname) {
    return new ContainerConfig(
        image,
        newHostname,
        domainname,
        user,
        stdio,
        entrypoint,
        cmd,
        env,
        workingDir,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        stopTimeout,
        healthcheck);
  }

  /**
   * Which standard streams a client attaches and how.
   *
   * @param tty the process gets a pseudo-terminal (no framing, stderr merged into stdout)
   * @param openStdin stdin is kept open for attach clients
   */
  public record Stdio(
      boolean attachStdin,
      boolean attachStdout,
      boolean attachStderr,
      boolean tty,
      boolean openStdin,
      boolean stdinOnce) {

    public static final Stdio DETACHED = new Stdio(false, false, false, false, false, false);
  }

  /**
   * A health probe. Durations are nanoseconds as in the API; zero means the default.
   *
   * @param test empty (unset), {@code ["NONE"]}, {@code ["CMD", args...]} or {@code ["CMD-SHELL",
   *     command]}
   */
  public record Healthcheck(
      List<String> test,
      long intervalNanos,
      long timeoutNanos,
      long startPeriodNanos,
      long startIntervalNanos,
      int retries) {

    public static final Healthcheck NONE = new Healthcheck(List.of(), 0, 0, 0, 0, 0);

    public Healthcheck {
      test = List.copyOf(test);
    }

    public boolean configured() {
      return !test.isEmpty();
    }
  }
}

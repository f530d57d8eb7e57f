package io.jcompose.engine.image;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container defaults an image carries ({@code "config"} of the image config JSON). Absent lists
 * are empty, absent strings empty.
 *
 * @param exposedPorts {@code 80/tcp} and the like
 * @param volumes the paths the image declares as volumes
 * @param onBuild the ONBUILD triggers as written ({@code RUN echo hi}), run by builds from it
 * @param shell the SHELL of the shell forms in builds from it; empty for {@code /bin/sh -c}
 */
public record RunConfig(
    List<String> cmd,
    List<String> entrypoint,
    List<String> env,
    String workingDir,
    String user,
    List<String> exposedPorts,
    List<String> volumes,
    Map<String, String> labels,
    String stopSignal,
    Optional<Healthcheck> healthcheck,
    List<String> onBuild,
    List<String> shell) {

  public static final RunConfig EMPTY =
      new RunConfig(
          List.of(),
          List.of(),
          List.of(),
          "",
          "",
          List.of(),
          List.of(),
          Map.of(),
          "",
          Optional.empty(),
          List.of(),
          List.of());

  public RunConfig {
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    env = List.copyOf(env);
    workingDir = Objects.requireNonNullElse(workingDir, "");
    user = Objects.requireNonNullElse(user, "");
    exposedPorts = List.copyOf(exposedPorts);
    volumes = List.copyOf(volumes);
    labels = Map.copyOf(labels);
    stopSignal = Objects.requireNonNullElse(stopSignal, "");
    Objects.requireNonNull(healthcheck, "healthcheck");
    onBuild = List.copyOf(onBuild);
    shell = List.copyOf(shell);
  }

  /** Without ONBUILD triggers. */
  public RunConfig(
      List<String> cmd,
      List<String> entrypoint,
      List<String> env,
      String workingDir,
      String user,
      List<String> exposedPorts,
      List<String> volumes,
      Map<String, String> labels,
      String stopSignal,
      Optional<Healthcheck> healthcheck) {
    this(
        cmd,
        entrypoint,
        env,
        workingDir,
        user,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        List.of(),
        List.of());
  }

  public RunConfig withEnv(List<String> newEnv) {
    return new RunConfig(
        cmd,
        entrypoint,
        newEnv,
        workingDir,
        user,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        onBuild,
        shell);
  }

  public RunConfig withOnBuild(List<String> triggers) {
    return new RunConfig(
        cmd,
        entrypoint,
        env,
        workingDir,
        user,
        exposedPorts,
        volumes,
        labels,
        stopSignal,
        healthcheck,
        triggers,
        shell);
  }

  /**
   * The image's HEALTHCHECK. A zero duration means "not set, use the default".
   *
   * @param test {@code ["NONE"]}, {@code ["CMD", args...]} or {@code ["CMD-SHELL", command]}
   */
  public record Healthcheck(
      List<String> test,
      Duration interval,
      Duration timeout,
      Duration startPeriod,
      Duration startInterval,
      int retries) {
    public Healthcheck {
      test = List.copyOf(test);
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(startPeriod, "startPeriod");
      Objects.requireNonNull(startInterval, "startInterval");
    }
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Merges a create request's configuration with its image's, by dockerd's rules: the image's command
 * only when neither a command nor an entrypoint is given; the image's entrypoint unless one is
 * given (an empty one clears it); the request's environment first, then the image's variables it
 * does not set; ports, volumes and labels united; user, working directory, stop signal and
 * healthcheck from the image when not given.
 */
final class ImageDefaults {

  private ImageDefaults() {}

  /**
   * @throws EngineFault.InvalidArgument {@code No command specified} when neither has a command
   */
  static ContainerConfig merge(
      ContainerConfig requested, boolean entrypointGiven, RunConfig image) {
    List<String> entrypoint = requested.entrypoint();
    List<String> cmd = requested.cmd();
    if (entrypoint.isEmpty()) {
      if (cmd.isEmpty()) {
        cmd = image.cmd();
      }
      if (!entrypointGiven) {
        entrypoint = image.entrypoint();
      }
    }
    if (entrypoint.isEmpty() && cmd.isEmpty()) {
      throw new EngineFault.InvalidArgument("No command specified");
    }
    var env = new ArrayList<>(requested.env());
    for (String variable : image.env()) {
      String key = key(variable);
      if (requested.env().stream().noneMatch(given -> key(given).equals(key))) {
        env.add(variable);
      }
    }
    var ports = new LinkedHashSet<>(requested.exposedPorts());
    image.exposedPorts().forEach(ports::add);
    var volumes = new LinkedHashSet<>(requested.volumes());
    image.volumes().forEach(volumes::add);
    var labels = new LinkedHashMap<>(image.labels());
    labels.putAll(requested.labels());
    return new ContainerConfig(
        requested.image(),
        requested.hostname(),
        requested.domainname(),
        requested.user().isEmpty() ? image.user() : requested.user(),
        requested.stdio(),
        entrypoint,
        cmd,
        env,
        requested.workingDir().isEmpty() ? image.workingDir() : requested.workingDir(),
        List.copyOf(ports),
        List.copyOf(volumes),
        labels,
        requested.stopSignal().isEmpty() ? image.stopSignal() : requested.stopSignal(),
        requested.stopTimeout(),
        healthcheck(requested.healthcheck(), image));
  }

  private static ContainerConfig.Healthcheck healthcheck(
      ContainerConfig.Healthcheck requested, RunConfig image) {
    if (image.healthcheck().isEmpty()) {
      return requested;
    }
    RunConfig.Healthcheck inherited = image.healthcheck().get();
    return new ContainerConfig.Healthcheck(
        requested.configured() ? requested.test() : inherited.test(),
        requested.intervalNanos() != 0 ? requested.intervalNanos() : inherited.interval().toNanos(),
        requested.timeoutNanos() != 0 ? requested.timeoutNanos() : inherited.timeout().toNanos(),
        requested.startPeriodNanos() != 0
            ? requested.startPeriodNanos()
            : inherited.startPeriod().toNanos(),
        requested.startIntervalNanos() != 0
            ? requested.startIntervalNanos()
            : inherited.startInterval().toNanos(),
        requested.retries() != 0 ? requested.retries() : inherited.retries());
  }

  private static String key(String variable) {
    int equals = variable.indexOf('=');
    return equals < 0 ? variable : variable.substring(0, equals);
  }
}

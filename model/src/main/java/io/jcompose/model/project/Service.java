package io.jcompose.model.project;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One enabled service of a project. The wide set of attributes is grouped into nested records; the
 * most used ones have shortcuts here.
 *
 * @param image the image reference; empty when the image is built and named by compose
 * @param labels user labels on the container
 * @param extensions the service's {@code x-*} values, as plain values
 * @param other every other attribute of the canonical form, as plain values
 * @param configHash the {@code com.docker.compose.config-hash} of the canonical service (see {@code
 *     io.jcompose.model.hash.ConfigHash}), what decides whether a container is out of date
 */
public record Service(
    String name,
    Optional<String> image,
    Optional<BuildSpec> build,
    Process process,
    Networking networking,
    Storage storage,
    Lifecycle lifecycle,
    Runtime runtime,
    Map<String, String> labels,
    Optional<String> containerName,
    Optional<Logging> logging,
    Map<String, Object> extensions,
    Map<String, Object> other,
    ConfigDigest config) {

  public Service {
    Objects.requireNonNull(name, "name");
    if (!isServiceName(name)) {
      throw new IllegalArgumentException(
          "invalid service name \"" + name + "\": use letters, digits, '.', '_' and '-'");
    }
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(networking, "networking");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(runtime, "runtime");
    labels = Ordered.copy(labels);
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(logging, "logging");
    extensions = Ordered.copy(extensions);
    other = Ordered.copy(other);
    Objects.requireNonNull(config, "config");
    if (containerName.isPresent() && lifecycle.scale() > 1) {
      throw new IllegalArgumentException(
          "service \""
              + name
              + "\" sets container_name \""
              + containerName.get()
              + "\" and scale "
              + lifecycle.scale()
              + "; a fixed container name allows one replica");
    }
  }

  /** The image to run: {@code image}, else the name compose gives a built image. */
  public String imageName(String projectName) {
    return image.orElse(projectName + "-" + name);
  }

  /** The {@code com.docker.compose.config-hash} of the service. */
  public String configHash() {
    return config.hash();
  }

  public Map<String, String> environment() {
    return process.environment();
  }

  public List<PortSpec> ports() {
    return networking.ports();
  }

  public List<MountSpec> volumes() {
    return storage.volumes();
  }

  public Map<String, Dependency> dependsOn() {
    return lifecycle.dependsOn();
  }

  public int scale() {
    return lifecycle.scale();
  }

  /**
   * What runs in the container and how.
   *
   * @param command empty when not set; an empty list clears the image's CMD
   * @param environment a null value means "unset" (declared without a value, not found)
   */
  public record Process(
      Optional<List<String>> command,
      Optional<List<String>> entrypoint,
      Map<String, String> environment,
      List<EnvFile> envFiles,
      Optional<String> user,
      Optional<String> workingDir,
      boolean tty,
      boolean stdinOpen,
      boolean init,
      Optional<String> stopSignal,
      Optional<Duration> stopGracePeriod) {
    public Process {
      command = command.map(List::copyOf);
      entrypoint = entrypoint.map(List::copyOf);
      environment = Ordered.copy(environment);
      envFiles = List.copyOf(envFiles);
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(workingDir, "workingDir");
      Objects.requireNonNull(stopSignal, "stopSignal");
      Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
    }
  }

  /**
   * Ports and networks.
   *
   * @param extraHosts host name to addresses
   */
  public record Networking(
      List<PortSpec> ports,
      List<String> expose,
      Map<String, ServiceNetwork> networks,
      Optional<String> networkMode,
      Optional<String> hostname,
      Map<String, List<String>> extraHosts) {
    public Networking {
      ports = List.copyOf(ports);
      expose = List.copyOf(expose);
      networks = Ordered.copy(networks);
      Objects.requireNonNull(networkMode, "networkMode");
      Objects.requireNonNull(hostname, "hostname");
      extraHosts = Ordered.copy(extraHosts);
      if (networkMode.isPresent() && !networks.isEmpty()) {
        throw new IllegalArgumentException(
            "network_mode \"" + networkMode.get() + "\" and networks cannot be combined");
      }
    }
  }

  /** Mounts: volumes, tmpfs, secrets and configs. */
  public record Storage(
      List<MountSpec> volumes,
      List<String> tmpfs,
      List<FileMount> secrets,
      List<FileMount> configs) {
    public Storage {
      volumes = List.copyOf(volumes);
      tmpfs = List.copyOf(tmpfs);
      secrets = List.copyOf(secrets);
      configs = List.copyOf(configs);
    }
  }

  /**
   * Start order, health, replicas and policies.
   *
   * @param scale the effective replica count: {@code scale}, else {@code deploy.replicas}, else 1
   * @param attach whether attached {@code up} streams this service's logs
   * @param readiness the {@code x-jcompose.ready} check jcompose runs itself
   */
  public record Lifecycle(
      Map<String, Dependency> dependsOn,
      Optional<Healthcheck> healthcheck,
      Optional<Deploy> deploy,
      List<String> profiles,
      Optional<String> restart,
      Optional<String> pullPolicy,
      int scale,
      boolean attach,
      Optional<ReadinessCheck> readiness) {

    /** A lifecycle without a jcompose readiness check. */
    public Lifecycle(
        Map<String, Dependency> dependsOn,
        Optional<Healthcheck> healthcheck,
        Optional<Deploy> deploy,
        List<String> profiles,
        Optional<String> restart,
        Optional<String> pullPolicy,
        int scale,
        boolean attach) {
      this(
          dependsOn,
          healthcheck,
          deploy,
          profiles,
          restart,
          pullPolicy,
          scale,
          attach,
          Optional.empty());
    }

    public Lifecycle {
      Objects.requireNonNull(readiness, "readiness");
      dependsOn = Ordered.copy(dependsOn);
      Objects.requireNonNull(healthcheck, "healthcheck");
      Objects.requireNonNull(deploy, "deploy");
      profiles = List.copyOf(profiles);
      Objects.requireNonNull(restart, "restart");
      Objects.requireNonNull(pullPolicy, "pullPolicy");
      if (scale < 0) {
        throw new IllegalArgumentException("scale cannot be negative: " + scale);
      }
      if (restart.isPresent() && !isRestartPolicy(restart.get())) {
        throw new IllegalArgumentException(
            "invalid restart \""
                + restart.get()
                + "\": use no, always, unless-stopped or on-failure[:max-retries]");
      }
    }
  }

  /** Privileges and resource limits of the container. */
  public record Runtime(
      boolean privileged,
      boolean readOnly,
      List<String> capAdd,
      List<String> capDrop,
      Optional<String> platform,
      Optional<ByteSize> memLimit,
      Optional<Double> cpus,
      Optional<ByteSize> shmSize) {
    public Runtime {
      capAdd = List.copyOf(capAdd);
      capDrop = List.copyOf(capDrop);
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(memLimit, "memLimit");
      Objects.requireNonNull(cpus, "cpus");
      Objects.requireNonNull(shmSize, "shmSize");
      if (cpus.isPresent() && cpus.get() < 0) {
        throw new IllegalArgumentException("cpus cannot be negative: " + cpus.get());
      }
    }
  }

  /** {@code [a-zA-Z0-9._-]+}, scanned rather than matched: every service is checked once. */
  private static boolean isServiceName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int index = 0; index < name.length(); index++) {
      char character = name.charAt(index);
      boolean allowed =
          (character >= 'a' && character <= 'z')
              || (character >= 'A' && character <= 'Z')
              || (character >= '0' && character <= '9')
              || character == '.'
              || character == '_'
              || character == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /** {@code no|always|unless-stopped|on-failure(:\d+)?}, scanned rather than matched. */
  private static boolean isRestartPolicy(String restart) {
    switch (restart) {
      case "no", "always", "unless-stopped", "on-failure":
        return true;
      default:
        String prefix = "on-failure:";
        if (!restart.startsWith(prefix) || restart.length() == prefix.length()) {
          return false;
        }
        for (int index = prefix.length(); index < restart.length(); index++) {
          char character = restart.charAt(index);
          if (character < '0' || character > '9') {
            return false;
          }
        }
        return true;
    }
  }
}

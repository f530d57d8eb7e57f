package io.jcompose.planner.spec;

import io.jcompose.model.project.ByteSize;
import io.jcompose.model.project.Deploy;
import io.jcompose.model.project.FileMount;
import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.Network;
import io.jcompose.model.project.PortSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceNetwork;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.EndpointSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The parts of a container spec, each from its group of service attributes. */
final class ServiceTranslation {

  private static final String SERVICE_PREFIX = "service:";

  private ServiceTranslation() {}

  static ContainerSpec.Process process(Service service) {
    Service.Process process = service.process();
    return new ContainerSpec.Process(
        process.command(),
        process.entrypoint(),
        ContainerSpecs.environment(process.environment()),
        process.user(),
        process.workingDir(),
        process.tty(),
        process.stdinOpen(),
        process.init(),
        process.stopSignal(),
        process.stopGracePeriod());
  }

  static ContainerSpec.Networking networking(
      Project project,
      Service service,
      String containerName,
      Function<String, String> firstContainerOf) {
    Service.Networking networking = service.networking();
    var endpoints = new LinkedHashMap<String, EndpointSpec>();
    Optional<String> networkMode =
        networking.networkMode().map(mode -> resolve(mode, firstContainerOf));
    if (networkMode.isEmpty()) {
      for (var entry : byPriority(networking.networks())) {
        Network network = project.networks().get(entry.getKey());
        String networkName = network == null ? entry.getKey() : network.name();
        ServiceNetwork settings = entry.getValue();
        var aliases = new ArrayList<String>();
        aliases.add(containerName);
        aliases.add(service.name());
        aliases.addAll(settings.aliases());
        endpoints.put(
            networkName, new EndpointSpec(aliases, settings.ipv4Address(), settings.ipv6Address()));
        if (networkMode.isEmpty()) {
          networkMode = Optional.of(networkName);
        }
      }
    }
    var ports = new ArrayList<ContainerSpec.PortBinding>();
    for (PortSpec port : networking.ports()) {
      ports.add(
          new ContainerSpec.PortBinding(
              port.target(), port.protocol(), port.hostIp(), port.published()));
    }
    var extraHosts = new ArrayList<String>();
    networking
        .extraHosts()
        .forEach(
            (host, addresses) ->
                addresses.forEach(address -> extraHosts.add(host + ":" + address)));
    return new ContainerSpec.Networking(
        networkMode,
        endpoints,
        networking.hostname(),
        ports,
        networking.expose(),
        extraHosts,
        text(service.other().get("ipc")).map(mode -> resolve(mode, firstContainerOf)),
        text(service.other().get("pid")).map(mode -> resolve(mode, firstContainerOf)));
  }

  static ContainerSpec.Storage storage(
      Project project, Service service, Function<String, String> firstContainerOf) {
    var mounts = new ArrayList<ContainerSpec.Mount>();
    for (MountSpec volume : service.volumes()) {
      switch (volume.type()) {
        case BIND ->
            mounts.add(
                new ContainerSpec.Mount(
                    ContainerSpec.Mount.Type.BIND,
                    volume.source(),
                    volume.target(),
                    volume.readOnly()));
        case VOLUME ->
            mounts.add(
                new ContainerSpec.Mount(
                    ContainerSpec.Mount.Type.VOLUME,
                    volume.source().map(key -> volumeName(project, key)),
                    volume.target(),
                    volume.readOnly()));
        case TMPFS ->
            mounts.add(
                new ContainerSpec.Mount(
                    ContainerSpec.Mount.Type.TMPFS, Optional.empty(), volume.target(), false));
        default -> {
          // npipe (Windows), cluster and image mounts have no Linux engine equivalent here yet
        }
      }
    }
    var tmpfsMounts = new LinkedHashMap<String, String>();
    for (String tmpfs : service.storage().tmpfs()) {
      int colon = tmpfs.indexOf(':');
      tmpfsMounts.put(
          colon < 0 ? tmpfs : tmpfs.substring(0, colon),
          colon < 0 ? "" : tmpfs.substring(colon + 1));
    }
    fileMounts(service.storage().secrets(), "/run/secrets/", project, true, mounts);
    fileMounts(service.storage().configs(), "/", project, false, mounts);
    var volumesFrom = new ArrayList<String>();
    for (String source : strings(service.other().get("volumes_from"))) {
      if (source.startsWith("container:")) {
        volumesFrom.add(source.substring("container:".length()));
      } else {
        int colon = source.indexOf(':');
        String serviceName = colon < 0 ? source : source.substring(0, colon);
        volumesFrom.add(
            firstContainerOf.apply(serviceName) + (colon < 0 ? "" : source.substring(colon)));
      }
    }
    return new ContainerSpec.Storage(mounts, volumesFrom, tmpfsMounts);
  }

  /**
   * Limits as docker compose sends them: the service's own attributes, else {@code
   * deploy.resources} (limits for memory, cpus and pids; reservations for memory).
   */
  static ContainerSpec.Resources resources(Service service) {
    Service.Runtime runtime = service.runtime();
    Map<String, Object> other = service.other();
    Optional<Deploy.Resources> deploy = service.lifecycle().deploy().map(Deploy::resources);
    Optional<Deploy.Limits> limits = deploy.map(Deploy.Resources::limits);
    Optional<Deploy.Limits> reservations = deploy.map(Deploy.Resources::reservations);
    Optional<ByteSize> memory = runtime.memLimit().or(() -> limits.flatMap(Deploy.Limits::memory));
    Optional<Double> cpus = runtime.cpus().or(() -> limits.flatMap(Deploy.Limits::cpus));
    Optional<Long> reservation =
        number(other.get("mem_reservation"))
            .or(
                () ->
                    reservations
                        .flatMap(Deploy.Limits::memory)
                        .filter(size -> !size.isUnlimited())
                        .map(ByteSize::bytes));
    return new ContainerSpec.Resources(
        new ContainerSpec.Memory(
            memory.filter(size -> !size.isUnlimited()).map(ByteSize::bytes),
            number(other.get("memswap_limit")),
            reservation,
            Boolean.TRUE.equals(other.get("oom_kill_disable"))),
        new ContainerSpec.Cpu(
            cpus.filter(count -> count > 0).map(count -> Math.round(count * 1_000_000_000d)),
            number(other.get("cpu_shares")),
            number(other.get("cpu_quota")),
            number(other.get("cpu_period")),
            text(other.get("cpuset")).filter(cpuset -> !cpuset.isEmpty())),
        number(other.get("pids_limit"))
            .or(() -> limits.flatMap(Deploy.Limits::pids))
            .filter(pids -> pids != 0),
        runtime.shmSize().map(ByteSize::bytes),
        new ContainerSpec.Security(
            runtime.privileged(), runtime.readOnly(), runtime.capAdd(), runtime.capDrop()),
        new ContainerSpec.Kernel(
            ulimits(other.get("ulimits")),
            devices(other.get("devices")),
            sysctls(other.get("sysctls"))));
  }

  /** {@code restart}, unless {@code deploy.restart_policy} is given (which wins, as in compose). */
  static ContainerSpec.RestartPolicy restart(Service service) {
    Optional<Deploy.RestartPolicy> deployed =
        service.lifecycle().deploy().flatMap(Deploy::restartPolicy);
    if (deployed.isPresent()) {
      return ContainerSpec.RestartPolicy.ofCondition(
          deployed.get().condition(), deployed.get().maxAttempts().orElse(0));
    }
    return service
        .lifecycle()
        .restart()
        .map(ContainerSpec.RestartPolicy::parse)
        .orElse(ContainerSpec.RestartPolicy.NO);
  }

  /** {@code nofile: 100} or {@code nofile: {soft: 100, hard: 200}}. */
  private static List<ContainerSpec.Ulimit> ulimits(Object value) {
    var ulimits = new ArrayList<ContainerSpec.Ulimit>();
    if (value instanceof Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        if (entry.getValue() instanceof Map<?, ?> bounds) {
          Optional<Long> soft = number(bounds.get("soft"));
          Optional<Long> hard = number(bounds.get("hard"));
          ulimits.add(
              new ContainerSpec.Ulimit(
                  name, soft.or(() -> hard).orElse(-1L), hard.or(() -> soft).orElse(-1L)));
        } else {
          number(entry.getValue())
              .ifPresent(single -> ulimits.add(new ContainerSpec.Ulimit(name, single, single)));
        }
      }
    }
    return ulimits;
  }

  /** The canonical long form: {@code {source, target, permissions}}. */
  private static List<ContainerSpec.Device> devices(Object value) {
    var devices = new ArrayList<ContainerSpec.Device>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> device) {
          Optional<String> source = text(device.get("source"));
          if (source.isPresent()) {
            devices.add(
                new ContainerSpec.Device(
                    source.get(),
                    text(device.get("target")).orElse(source.get()),
                    text(device.get("permissions")).orElse("rwm")));
          }
        }
      }
    }
    return devices;
  }

  private static Map<String, String> sysctls(Object value) {
    var sysctls = new LinkedHashMap<String, String>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, setting) ->
              sysctls.put(String.valueOf(key), setting == null ? "" : String.valueOf(setting)));
    }
    return sysctls;
  }

  /** A whole number, given as a number or as its digits (byte sizes are canonical digits). */
  private static Optional<Long> number(Object value) {
    if (value instanceof Number number) {
      return Optional.of(number.longValue());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(Long.parseLong(text.strip()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code service:x} becomes {@code container:<first container of x>}; other modes stay. */
  private static String resolve(String mode, Function<String, String> firstContainerOf) {
    if (mode.startsWith(SERVICE_PREFIX)) {
      return "container:" + firstContainerOf.apply(mode.substring(SERVICE_PREFIX.length()));
    }
    return mode;
  }

  private static String volumeName(Project project, String key) {
    Volume volume = project.volumes().get(key);
    return volume == null ? key : volume.name();
  }

  /**
   * File-based secrets and configs are bind mounts, as docker compose does without swarm: secrets
   * read-only under {@code /run/secrets/}, configs at their target (default {@code /<name>}).
   */
  private static void fileMounts(
      List<FileMount> references,
      String defaultDirectory,
      Project project,
      boolean secrets,
      List<ContainerSpec.Mount> mounts) {
    for (FileMount reference : references) {
      Optional<String> file =
          secrets
              ? Optional.ofNullable(project.secrets().get(reference.source()))
                  .flatMap(secret -> secret.file())
              : Optional.ofNullable(project.configs().get(reference.source()))
                  .flatMap(config -> config.file());
      if (file.isEmpty()) {
        continue; // environment and inline content need the engine to write a file; not yet
      }
      String target =
          reference
              .target()
              .map(path -> path.startsWith("/") ? path : defaultDirectory + path)
              .orElse(defaultDirectory + reference.source());
      mounts.add(new ContainerSpec.Mount(ContainerSpec.Mount.Type.BIND, file, target, true));
    }
  }

  private static List<Map.Entry<String, ServiceNetwork>> byPriority(
      Map<String, ServiceNetwork> networks) {
    var entries = new ArrayList<>(networks.entrySet());
    entries.sort(
        Comparator.comparing(
                (Map.Entry<String, ServiceNetwork> entry) -> -entry.getValue().priority())
            .thenComparing(Map.Entry::getKey));
    return entries;
  }

  private static Optional<String> text(Object value) {
    return value instanceof String string ? Optional.of(string) : Optional.empty();
  }

  private static List<String> strings(Object value) {
    var found = new ArrayList<String>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String string) {
          found.add(string);
        }
      }
    }
    return found;
  }
}

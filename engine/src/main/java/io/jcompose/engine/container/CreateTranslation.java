package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads a {@link CreateBody} into a {@link CreateRequest}: nulls become "not set". */
final class CreateTranslation {

  private CreateTranslation() {}

  /**
   * @throws EngineFault.InvalidArgument when the image is missing
   */
  static CreateRequest toRequest(Optional<String> name, CreateBody body) {
    if (body.image() == null || body.image().isBlank()) {
      throw new EngineFault.InvalidArgument("No image was specified");
    }
    List<String> entrypoint = list(body.entrypoint());
    if (entrypoint.size() == 1 && entrypoint.get(0).isEmpty()) {
      entrypoint = List.of();
    }
    var config =
        new ContainerConfig(
            body.image(),
            text(body.hostname()),
            text(body.domainname()),
            text(body.user()),
            new ContainerConfig.Stdio(
                flag(body.attachStdin()),
                flag(body.attachStdout()),
                flag(body.attachStderr()),
                flag(body.tty()),
                flag(body.openStdin()),
                flag(body.stdinOnce())),
            entrypoint,
            list(body.cmd()),
            list(body.env()),
            text(body.workingDir()),
            keys(body.exposedPorts()).stream().map(port -> PortKey.parse(port).text()).toList(),
            keys(body.volumes()),
            map(body.labels()),
            text(body.stopSignal()),
            body.stopTimeout() == null ? -1 : body.stopTimeout(),
            healthcheck(body.healthcheck()));
    return new CreateRequest(
        name.filter(given -> !given.isEmpty()),
        config,
        body.entrypoint() != null,
        host(body.hostConfig()),
        endpoints(body.networkingConfig()));
  }

  /** {@code EndpointsConfig} entries, by network name or id. */
  static CreateRequest.EndpointSettings endpoint(CreateBody.EndpointBody body) {
    if (body == null) {
      return CreateRequest.EndpointSettings.DEFAULT;
    }
    String address = body.ipamConfig() == null ? "" : text(body.ipamConfig().ipv4Address());
    return new CreateRequest.EndpointSettings(
        list(body.aliases()), address, text(body.macAddress()));
  }

  private static Map<String, CreateRequest.EndpointSettings> endpoints(
      CreateBody.NetworkingConfigBody body) {
    var endpoints = new LinkedHashMap<String, CreateRequest.EndpointSettings>();
    if (body != null && body.endpointsConfig() != null) {
      body.endpointsConfig()
          .forEach((network, endpoint) -> endpoints.put(network, endpoint(endpoint)));
    }
    return endpoints;
  }

  private static HostSettings host(CreateBody.HostConfigBody body) {
    if (body == null) {
      return HostSettings.DEFAULT;
    }
    var portBindings = new LinkedHashMap<String, List<HostSettings.HostPort>>();
    if (body.portBindings() != null) {
      body.portBindings()
          .forEach(
              (port, bindings) ->
                  portBindings.put(
                      PortKey.parse(port).text(),
                      bindings == null
                          ? List.of()
                          : bindings.stream()
                              .filter(Objects::nonNull)
                              .map(
                                  binding ->
                                      new HostSettings.HostPort(
                                          text(binding.hostIp()), text(binding.hostPort())))
                              .toList()));
    }
    var restart =
        body.restartPolicy() == null
            ? HostSettings.RestartPolicy.NO
            : new HostSettings.RestartPolicy(
                text(body.restartPolicy().name()),
                number(body.restartPolicy().maximumRetryCount()));
    return new HostSettings(
        new HostSettings.Storage(
            list(body.binds()),
            mounts(body.mounts()),
            map(body.tmpfs()),
            list(body.volumesFrom()),
            flag(body.readonlyRootfs()),
            text(body.volumeDriver())),
        new HostSettings.Networking(
            text(body.networkMode()),
            portBindings,
            flag(body.publishAllPorts()),
            list(body.dns()),
            list(body.dnsSearch()),
            list(body.dnsOptions()),
            list(body.extraHosts())),
        restart,
        flag(body.autoRemove()),
        new HostSettings.Privileges(
            flag(body.privileged()),
            list(body.capAdd()),
            list(body.capDrop()),
            list(body.securityOpt())),
        new HostSettings.Resources(
            number(body.memory()),
            number(body.memorySwap()),
            number(body.memoryReservation()),
            number(body.nanoCpus()),
            number(body.cpuShares()),
            number(body.cpuPeriod()),
            number(body.cpuQuota()),
            text(body.cpusetCpus()),
            text(body.cpusetMems()),
            number(body.pidsLimit()),
            number(body.shmSize()),
            flag(body.oomKillDisable())),
        new HostSettings.KernelAccess(
            list(body.ulimits()).stream()
                .map(
                    ulimit ->
                        new HostSettings.Ulimit(
                            text(ulimit.name()), number(ulimit.soft()), number(ulimit.hard())))
                .toList(),
            list(body.devices()).stream()
                .map(
                    device ->
                        new HostSettings.DeviceMapping(
                            text(device.pathOnHost()),
                            text(device.pathInContainer()),
                            device.cgroupPermissions() == null
                                ? "rwm"
                                : device.cgroupPermissions()))
                .toList(),
            map(body.sysctls())),
        body.logConfig() == null
            ? HostSettings.LogConfig.DEFAULT
            : new HostSettings.LogConfig(
                text(body.logConfig().type()), map(body.logConfig().config())),
        flag(body.init()),
        text(body.ipcMode()),
        text(body.pidMode()));
  }

  private static List<MountRequest> mounts(List<CreateBody.MountBody> bodies) {
    var mounts = new ArrayList<MountRequest>();
    for (CreateBody.MountBody body : list(bodies)) {
      if (body == null) {
        continue;
      }
      CreateBody.VolumeOptionsBody volume = body.volumeOptions();
      CreateBody.TmpfsOptionsBody tmpfs = body.tmpfsOptions();
      mounts.add(
          new MountRequest(
              text(body.type()),
              text(body.source()),
              text(body.target()),
              flag(body.readOnly()),
              volume != null && flag(volume.noCopy()),
              volume == null ? Map.of() : map(volume.labels()),
              tmpfs == null ? 0 : number(tmpfs.sizeBytes()),
              tmpfs == null ? 0 : number(tmpfs.mode())));
    }
    return mounts;
  }

  private static ContainerConfig.Healthcheck healthcheck(CreateBody.HealthcheckBody body) {
    if (body == null) {
      return ContainerConfig.Healthcheck.NONE;
    }
    return new ContainerConfig.Healthcheck(
        list(body.test()),
        number(body.interval()),
        number(body.timeout()),
        number(body.startPeriod()),
        number(body.startInterval()),
        number(body.retries()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean flag(Boolean value) {
    return value != null && value;
  }

  private static long number(Long value) {
    return value == null ? 0 : value;
  }

  private static int number(Integer value) {
    return value == null ? 0 : value;
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  private static Map<String, String> map(Map<String, String> values) {
    var copy = new LinkedHashMap<String, String>();
    if (values != null) {
      values.forEach((key, value) -> copy.put(key, value == null ? "" : value));
    }
    return copy;
  }

  private static List<String> keys(Map<String, Object> values) {
    return values == null ? List.of() : List.copyOf(values.keySet());
  }
}

package io.jcompose.planner.spec;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.PortSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.label.Names;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.EndpointSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The create request of a {@code run} container: the service's container ({@link ContainerSpecs})
 * as docker compose changes it for a one-off — labelled {@code oneoff=True} with its slug, no
 * restart policy, no network aliases, the service's ports only with {@code --service-ports}, and
 * the command line's overrides.
 */
public final class OneOffSpecs {

  private OneOffSpecs() {}

  /**
   * @param containerName {@code --name}, else {@link Names#oneOff}
   * @param slug 64 hex digits, the one-off's {@code com.docker.compose.slug}
   * @param imageId the image's ID for the image label, when known
   */
  public static ContainerSpec of(
      Project project,
      Service service,
      String containerName,
      String slug,
      Optional<String> imageId,
      RunOverrides overrides) {
    ContainerSpec base =
        new ContainerSpecs(project, name -> firstContainerName(project, name))
            .of(service, containerName, 1, imageId);
    var labels = new LinkedHashMap<>(overrides.labels());
    labels.putAll(base.labels());
    labels.put(Labels.ONEOFF, Labels.TRUE);
    labels.put(Labels.SLUG, slug);
    return new ContainerSpec(
        containerName,
        base.image(),
        labels,
        process(base.process(), overrides.process()),
        networking(base.networking(), overrides),
        storage(project, base.storage(), overrides.volumes()),
        base.resources(),
        base.health(),
        ContainerSpec.RestartPolicy.NO,
        base.logging());
  }

  private static ContainerSpec.Process process(
      ContainerSpec.Process base, RunOverrides.Process overrides) {
    var environment = new LinkedHashMap<String, String>();
    for (String entry : base.environment()) {
      int equals = entry.indexOf('=');
      environment.put(equals < 0 ? entry : entry.substring(0, equals), entry);
    }
    overrides.environment().forEach((key, value) -> environment.put(key, key + "=" + value));
    Optional<List<String>> command = overrides.command().or(base::command);
    if (overrides.entrypoint().isPresent() && overrides.command().isEmpty()) {
      // docker compose: a new entrypoint drops the service's command
      command = Optional.of(List.of());
    }
    return new ContainerSpec.Process(
        command,
        overrides.entrypoint().or(base::entrypoint),
        List.copyOf(environment.values()),
        overrides.user().or(base::user),
        overrides.workingDir().or(base::workingDir),
        overrides.tty(),
        overrides.stdinOpen(),
        base.init(),
        base.stopSignal(),
        base.stopTimeout());
  }

  private static ContainerSpec.Networking networking(
      ContainerSpec.Networking base, RunOverrides overrides) {
    var endpoints = new LinkedHashMap<String, EndpointSpec>();
    base.endpoints()
        .forEach(
            (network, endpoint) ->
                endpoints.put(
                    network,
                    new EndpointSpec(List.of(), endpoint.ipv4Address(), endpoint.ipv6Address())));
    var ports = new ArrayList<ContainerSpec.PortBinding>();
    if (overrides.servicePorts()) {
      ports.addAll(base.ports());
    }
    for (PortSpec port : overrides.publish()) {
      ports.add(
          new ContainerSpec.PortBinding(
              port.target(), port.protocol(), port.hostIp(), port.published()));
    }
    return new ContainerSpec.Networking(
        base.networkMode(),
        endpoints,
        base.hostname(),
        ports,
        base.exposedPorts(),
        base.extraHosts(),
        base.ipcMode(),
        base.pidMode());
  }

  private static ContainerSpec.Storage storage(
      Project project, ContainerSpec.Storage base, List<MountSpec> volumes) {
    var mounts = new ArrayList<>(base.mounts());
    for (MountSpec volume : volumes) {
      if (volume.type() == MountSpec.Type.BIND) {
        String source = volume.source().orElseThrow();
        String hostPath =
            source.startsWith("~")
                ? source
                : project.workingDirectory().resolve(source).normalize().toString();
        mounts.add(
            new ContainerSpec.Mount(
                ContainerSpec.Mount.Type.BIND,
                Optional.of(hostPath),
                volume.target(),
                volume.readOnly()));
      } else {
        Optional<String> name =
            volume
                .source()
                .map(
                    key ->
                        project.volumes().containsKey(key)
                            ? project.volumes().get(key).name()
                            : key);
        mounts.add(
            new ContainerSpec.Mount(
                ContainerSpec.Mount.Type.VOLUME, name, volume.target(), volume.readOnly()));
      }
    }
    return new ContainerSpec.Storage(mounts, base.volumesFrom());
  }

  private static String firstContainerName(Project project, String serviceName) {
    Service parent = project.services().get(serviceName);
    return Names.container(
        project.name(), serviceName, parent == null ? Optional.empty() : parent.containerName(), 1);
  }
}

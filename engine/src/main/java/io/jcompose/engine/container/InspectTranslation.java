package io.jcompose.engine.container;

import io.jcompose.engine.http.ApiVersion;
import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a {@link ContainerView} as dockerd's inspect body, and its parts the list reuses. */
final class InspectTranslation {

  private InspectTranslation() {}

  static InspectBody inspect(ContainerView view, ApiVersion version) {
    Container container = view.container();
    ContainerConfig config = container.config();
    ContainerState state = container.state();
    ContainerDirectory directory = new ContainerDirectory(view.directory());
    List<String> commandLine = config.commandLine();
    var graphDriver = new LinkedHashMap<String, String>();
    graphDriver.put("MergedDir", directory.path().resolve("merged").toString());
    graphDriver.put("UpperDir", directory.path().resolve("upper").toString());
    graphDriver.put("WorkDir", directory.path().resolve("work").toString());
    return new InspectBody(
        container.id(),
        ApiTime.format(container.created()),
        commandLine.isEmpty() ? "" : commandLine.get(0),
        commandLine.isEmpty() ? List.of() : commandLine.subList(1, commandLine.size()),
        new InspectBody.StateBody(
            state.status().apiName(),
            state.isRunning() || state.status() == ContainerState.Status.RESTARTING,
            state.status() == ContainerState.Status.PAUSED,
            state.status() == ContainerState.Status.RESTARTING,
            state.oomKilled(),
            state.status() == ContainerState.Status.DEAD,
            state.isRunning() ? state.pid() : 0,
            state.exitCode(),
            state.error(),
            ApiTime.format(state.startedAt()),
            ApiTime.format(state.finishedAt()),
            view.health()
                .map(
                    health ->
                        new InspectBody.HealthBody(
                            health.status(),
                            health.failingStreak(),
                            health.log().stream()
                                .map(
                                    probe ->
                                        new InspectBody.ProbeBody(
                                            ApiTime.format(probe.start()),
                                            ApiTime.format(probe.end()),
                                            probe.exitCode(),
                                            probe.output()))
                                .toList()))
                .orElse(null)),
        container.imageId().toString(),
        directory.resolvConfFile().toString(),
        directory.hostnameFile().toString(),
        directory.hostsFile().toString(),
        directory.logFile().toString(),
        "/" + container.name(),
        state.restartCount(),
        "overlay2",
        "linux",
        "",
        "",
        "",
        null,
        HostConfigView.of(container.host()),
        new InspectBody.GraphDriverBody(graphDriver, "overlay2"),
        view.sizeRw().isPresent() ? view.sizeRw().getAsLong() : null,
        view.sizeRootFs().isPresent() ? view.sizeRootFs().getAsLong() : null,
        mounts(container),
        config(config),
        networkSettings(view, version));
  }

  static List<InspectBody.MountBody> mounts(Container container) {
    return container.mounts().stream()
        .map(
            mount ->
                new InspectBody.MountBody(
                    mount.type().apiName(),
                    mount.name(),
                    mount.source(),
                    mount.destination(),
                    mount.type() == MountPoint.Type.VOLUME ? "local" : "",
                    mount.mode(),
                    mount.readWrite(),
                    mount.propagation()))
        .toList();
  }

  /**
   * The {@code Networks} object: every network the container is to be on, with the live endpoint's
   * addresses while it runs and empty ones otherwise.
   */
  static Map<String, InspectBody.EndpointBody> networks(
      ContainerView view, ApiVersion version, boolean forList) {
    Container container = view.container();
    var networks = new LinkedHashMap<String, InspectBody.EndpointBody>();
    for (NetworkAttachment attachment : container.networks()) {
      Network network = view.networks().get(attachment.networkId());
      if (network == null) {
        continue;
      }
      Optional<Endpoint> endpoint = view.endpoint(network.id());
      var aliases = new ArrayList<>(attachment.aliases());
      if (endpoint.isPresent()
          && !network.name().equals(Network.DEFAULT_BRIDGE)
          && !version.atLeast(1, 45)
          && !aliases.contains(container.shortId())) {
        aliases.add(container.shortId());
      }
      List<String> dnsNames =
          version.atLeast(1, 44) && endpoint.isPresent() && !endpoint.get().dnsNames().isEmpty()
              ? endpoint.get().dnsNames()
              : null;
      networks.put(
          network.name(),
          new InspectBody.EndpointBody(
              attachment.ipv4Address().isEmpty()
                  ? null
                  : new InspectBody.IpamBody(attachment.ipv4Address()),
              null,
              forList || aliases.isEmpty() ? null : aliases,
              network.id(),
              endpoint.map(Endpoint::endpointId).orElse(""),
              endpoint.map(each -> each.gateway().addressText()).orElse(""),
              endpoint.map(each -> each.address().addressText()).orElse(""),
              endpoint.map(each -> each.address().prefixLength()).orElse(0),
              "",
              "",
              0,
              endpoint.map(Endpoint::macAddress).orElse(""),
              null,
              forList ? null : dnsNames));
    }
    return networks;
  }

  private static InspectBody.NetworkSettingsBody networkSettings(
      ContainerView view, ApiVersion version) {
    Container container = view.container();
    var ports = new LinkedHashMap<String, List<InspectBody.PortBody>>();
    PortPublishing.byPort(container, view.published(), container.isRunning())
        .forEach(
            (port, bindings) ->
                ports.put(
                    port,
                    bindings == null
                        ? null
                        : bindings.stream()
                            .map(
                                binding ->
                                    new InspectBody.PortBody(
                                        binding.hostIp(), Integer.toString(binding.hostPort())))
                            .toList()));
    Optional<Endpoint> bridge =
        view.endpoints().stream()
            .filter(endpoint -> endpoint.networkName().equals(Network.DEFAULT_BRIDGE))
            .findFirst();
    String sandboxKey = view.sandboxKey().map(Object::toString).orElse("");
    return new InspectBody.NetworkSettingsBody(
        "",
        view.sandboxKey().isPresent() ? container.id() : "",
        false,
        "",
        0,
        ports,
        sandboxKey,
        null,
        null,
        bridge.map(Endpoint::endpointId).orElse(""),
        bridge.map(each -> each.gateway().addressText()).orElse(""),
        "",
        0,
        bridge.map(each -> each.address().addressText()).orElse(""),
        bridge.map(each -> each.address().prefixLength()).orElse(0),
        "",
        bridge.map(Endpoint::macAddress).orElse(""),
        networks(view, version, false));
  }

  private static InspectBody.ConfigBody config(ContainerConfig config) {
    ContainerConfig.Stdio stdio = config.stdio();
    ContainerConfig.Healthcheck health = config.healthcheck();
    return new InspectBody.ConfigBody(
        config.hostname(),
        config.domainname(),
        config.user(),
        stdio.attachStdin(),
        stdio.attachStdout(),
        stdio.attachStderr(),
        emptyObjects(config.exposedPorts()),
        stdio.tty(),
        stdio.openStdin(),
        stdio.stdinOnce(),
        config.env().isEmpty() ? null : config.env(),
        config.cmd().isEmpty() ? null : config.cmd(),
        health.configured()
            ? new InspectBody.HealthcheckBody(
                health.test(),
                health.intervalNanos(),
                health.timeoutNanos(),
                health.startPeriodNanos(),
                health.startIntervalNanos(),
                health.retries())
            : null,
        config.image(),
        config.volumes().isEmpty() ? null : emptyObjects(config.volumes()),
        config.workingDir(),
        config.entrypoint().isEmpty() ? null : config.entrypoint(),
        null,
        config.labels(),
        config.stopSignal(),
        config.stopTimeout() >= 0 ? config.stopTimeout() : null);
  }

  private static Map<String, Map<String, Object>> emptyObjects(List<String> keys) {
    var map = new LinkedHashMap<String, Map<String, Object>>();
    keys.forEach(key -> map.put(key, Map.of()));
    return map;
  }
}

package io.jcompose.adapter;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerSpec.Mount;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ContainerSummary.MountPoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates docker-java's container list entries and inspect responses into SPI records. */
final class ContainerViews {

  /** The exit code in a list entry's status text: {@code Exited (3) 2 minutes ago}. */
  private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d+)\\)");

  /** Go's zero time, which the daemon reports for "never". */
  private static final String NEVER_PREFIX = "0001-01-01";

  private ContainerViews() {}

  static ContainerSummary summary(Container container) {
    ContainerStatus status = status(container.getState(), container.getStatus());
    Optional<Integer> exitCode = Optional.empty();
    if (status == ContainerStatus.EXITED || status == ContainerStatus.DEAD) {
      Matcher matcher = EXITED.matcher(String.valueOf(container.getStatus()));
      exitCode = matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : exitCode;
    }
    var networks = new LinkedHashMap<String, String>();
    if (container.getNetworkSettings() != null) {
      addNetworks(container.getNetworkSettings().getNetworks(), networks);
    }
    var mounts = new ArrayList<MountPoint>();
    if (container.getMounts() != null) {
      for (ContainerMount mount : container.getMounts()) {
        mounts.add(
            mountPoint(
                mount.getRawValues().get("Type"),
                mount.getName(),
                mount.getSource(),
                mount.getDestination()));
      }
    }
    return new ContainerSummary(
        container.getId(),
        primaryName(container.getNames()),
        nullToEmpty(container.getImage()),
        nullToEmpty(container.getImageId()),
        orEmpty(container.getLabels()),
        status,
        exitCode,
        networks,
        mounts,
        listing(container));
  }

  /** What {@code ps} shows: the command, the creation time, the status text and the ports. */
  private static ContainerSummary.Listing listing(Container container) {
    var ports = new ArrayList<ContainerSummary.Port>();
    if (container.getPorts() != null) {
      for (com.github.dockerjava.api.model.ContainerPort port : container.getPorts()) {
        if (port.getPrivatePort() == null) {
          continue;
        }
        ports.add(
            new ContainerSummary.Port(
                nullToEmpty(port.getIp()),
                port.getPublicPort() == null ? 0 : port.getPublicPort(),
                port.getPrivatePort(),
                port.getType() == null ? "tcp" : port.getType()));
      }
    }
    ports.sort(
        java.util.Comparator.comparingInt(ContainerSummary.Port::containerPort)
            .thenComparing(ContainerSummary.Port::protocol)
            .thenComparing(ContainerSummary.Port::hostIp));
    Long created = container.getCreated();
    return new ContainerSummary.Listing(
        nullToEmpty(container.getCommand()),
        created == null || created == 0
            ? Optional.empty()
            : Optional.of(java.time.Instant.ofEpochSecond(created)),
        nullToEmpty(container.getStatus()),
        ports);
  }

  static ContainerDetails details(InspectContainerResponse inspected) {
    var state = inspected.getState();
    ContainerStatus status = status(state.getStatus(), null);
    Long exitCodeLong = state.getExitCodeLong();
    int exitCode = exitCodeLong == null ? 0 : exitCodeLong.intValue();
    boolean exited = status == ContainerStatus.EXITED || status == ContainerStatus.DEAD;
    var networks = new LinkedHashMap<String, String>();
    if (inspected.getNetworkSettings() != null) {
      addNetworks(inspected.getNetworkSettings().getNetworks(), networks);
    }
    var mounts = new ArrayList<MountPoint>();
    if (inspected.getMounts() != null) {
      for (InspectContainerResponse.Mount mount : inspected.getMounts()) {
        String destination = mount.getDestination() == null ? "" : mount.getDestination().getPath();
        mounts.add(
            mountPoint(
                mount.getRawValues().get("Type"), mount.getName(), mount.getSource(), destination));
      }
    }
    var config = inspected.getConfig();
    var summary =
        new ContainerSummary(
            inspected.getId(),
            stripSlash(nullToEmpty(inspected.getName())),
            config == null ? "" : nullToEmpty(config.getImage()),
            nullToEmpty(inspected.getImageId()),
            config == null ? Map.of() : orEmpty(config.getLabels()),
            status,
            exited ? Optional.of(exitCode) : Optional.empty(),
            networks,
            mounts);
    return new ContainerDetails(
        summary,
        exitCode,
        health(state.getHealth()),
        time(state.getStartedAt()),
        time(state.getFinishedAt()),
        inspected.getRestartCount() == null ? 0 : inspected.getRestartCount(),
        addresses(inspected.getNetworkSettings()));
  }

  /** The published ports and the IP address on each network, from inspect's NetworkSettings. */
  private static ContainerDetails.Addresses addresses(NetworkSettings settings) {
    if (settings == null) {
      return ContainerDetails.Addresses.NONE;
    }
    var ports = new ArrayList<ContainerSummary.Port>();
    if (settings.getPorts() != null) {
      settings
          .getPorts()
          .getBindings()
          .forEach(
              (exposed, bindings) -> {
                for (Ports.Binding binding : bindings == null ? new Ports.Binding[0] : bindings) {
                  int hostPort = hostPort(binding.getHostPortSpec());
                  if (hostPort > 0) {
                    ports.add(
                        new ContainerSummary.Port(
                            nullToEmpty(binding.getHostIp()),
                            hostPort,
                            exposed.getPort(),
                            String.valueOf(exposed.getProtocol())));
                  }
                }
              });
    }
    var ipAddresses = new LinkedHashMap<String, String>();
    if (settings.getNetworks() != null) {
      settings
          .getNetworks()
          .forEach(
              (network, endpoint) -> {
                String ip = endpoint == null ? null : endpoint.getIpAddress();
                if (ip != null && !ip.isEmpty()) {
                  ipAddresses.put(network, ip);
                }
              });
    }
    return new ContainerDetails.Addresses(ports, ipAddresses);
  }

  private static int hostPort(String spec) {
    try {
      return spec == null || spec.isEmpty() ? 0 : Integer.parseInt(spec);
    } catch (NumberFormatException range) {
      return 0;
    }
  }

  private static ContainerStatus status(String state, String statusText) {
    if (state != null && !state.isEmpty()) {
      return ContainerStatus.parse(state.toLowerCase(Locale.ROOT));
    }
    // API levels before 1.25 list no State: read the status text
    String text = String.valueOf(statusText);
    if (text.startsWith("Up")) {
      return text.contains("(Paused)") ? ContainerStatus.PAUSED : ContainerStatus.RUNNING;
    }
    if (text.startsWith("Restarting")) {
      return ContainerStatus.RESTARTING;
    }
    if (text.startsWith("Exited")) {
      return ContainerStatus.EXITED;
    }
    if (text.startsWith("Dead")) {
      return ContainerStatus.DEAD;
    }
    if (text.startsWith("Removal")) {
      return ContainerStatus.REMOVING;
    }
    return ContainerStatus.CREATED;
  }

  private static Optional<ContainerDetails.Health> health(HealthState health) {
    if (health == null || health.getStatus() == null) {
      return Optional.empty();
    }
    return switch (health.getStatus()) {
      case "starting" -> Optional.of(ContainerDetails.Health.STARTING);
      case "healthy" -> Optional.of(ContainerDetails.Health.HEALTHY);
      case "unhealthy" -> Optional.of(ContainerDetails.Health.UNHEALTHY);
      default -> Optional.empty();
    };
  }

  /** An RFC 3339 time from inspect; empty for Go's zero time. */
  static Optional<Instant> time(String text) {
    if (text == null || text.isEmpty() || text.startsWith(NEVER_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException notATime) {
      return Optional.empty();
    }
  }

  private static void addNetworks(
      Map<String, ContainerNetwork> attached, Map<String, String> into) {
    if (attached == null) {
      return;
    }
    for (var network : attached.entrySet()) {
      into.put(network.getKey(), nullToEmpty(network.getValue().getNetworkID()));
    }
  }

  private static MountPoint mountPoint(Object type, String name, String source, String target) {
    Mount.Type mountType =
        switch (String.valueOf(type)) {
          case "volume" -> Mount.Type.VOLUME;
          case "tmpfs" -> Mount.Type.TMPFS;
          case "bind" -> Mount.Type.BIND;
          default -> name == null || name.isEmpty() ? Mount.Type.BIND : Mount.Type.VOLUME;
        };
    return new MountPoint(
        mountType,
        mountType == Mount.Type.VOLUME ? nullToEmpty(name) : "",
        nullToEmpty(source),
        nullToEmpty(target));
  }

  /** The container's own name: the one without a second slash (others are legacy link names). */
  private static String primaryName(String[] names) {
    if (names == null || names.length == 0) {
      return "";
    }
    for (String name : names) {
      if (name.lastIndexOf('/') == 0) {
        return name.substring(1);
      }
    }
    return stripSlash(names[0]);
  }

  static String stripSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  static Map<String, String> orEmpty(Map<String, String> values) {
    return values == null ? Map.of() : values;
  }

  static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}

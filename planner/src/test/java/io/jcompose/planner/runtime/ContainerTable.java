package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSpec.Mount;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ContainerSummary.MountPoint;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The in-memory runtime's containers and their life cycle, the way dockerd runs them: create checks
 * the image, the name and the networks and creates named volumes on demand; start runs the program
 * through {@link MiniShell}; stop, kill and exits emit {@code kill}/{@code die}/{@code stop}
 * events. Guarded by the runtime's lock.
 */
final class ContainerTable {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  private final Clock clock;
  private final IdSequence ids;
  private final EventHub events;
  private final ImageTable images;
  private final NetworkTable networks;
  private final VolumeTable volumes;
  private final Map<String, InMemoryContainer> containersById = new LinkedHashMap<>();

  ContainerTable(
      Clock clock,
      IdSequence ids,
      EventHub events,
      ImageTable images,
      NetworkTable networks,
      VolumeTable volumes) {
    this.clock = clock;
    this.ids = ids;
    this.events = events;
    this.images = images;
    this.networks = networks;
    this.volumes = volumes;
  }

  /**
   * By ID, then by name (a leading slash allowed), then by a unique ID prefix.
   *
   * @throws RuntimeFault.InvalidArgument when the prefix matches several containers
   */
  Optional<InMemoryContainer> find(String containerIdOrName) {
    String key =
        containerIdOrName.startsWith("/") ? containerIdOrName.substring(1) : containerIdOrName;
    InMemoryContainer byId = containersById.get(key);
    if (byId != null) {
      return Optional.of(byId);
    }
    for (InMemoryContainer container : containersById.values()) {
      if (container.name().equals(key)) {
        return Optional.of(container);
      }
    }
    InMemoryContainer byPrefix = null;
    for (InMemoryContainer container : containersById.values()) {
      if (!key.isEmpty() && container.id().startsWith(key)) {
        if (byPrefix != null) {
          throw new RuntimeFault.InvalidArgument(
              "multiple IDs found with provided prefix: " + containerIdOrName);
        }
        byPrefix = container;
      }
    }
    return Optional.ofNullable(byPrefix);
  }

  InMemoryContainer require(String containerIdOrName) {
    return find(containerIdOrName)
        .orElseThrow(() -> new RuntimeFault.NotFound("No such container: " + containerIdOrName));
  }

  /** Newest first, as dockerd lists them. */
  List<ContainerSummary> list(LabelFilter filter) {
    var matching = new ArrayList<ContainerSummary>();
    for (InMemoryContainer container : containersById.values()) {
      if (filter.matches(container.spec().labels())) {
        matching.add(0, container.summary());
      }
    }
    return matching;
  }

  String create(ContainerSpec spec) {
    String imageId = images.require(spec.image()).id();
    String name = spec.name().startsWith("/") ? spec.name().substring(1) : spec.name();
    checkNameIsFree(name);
    var attachedNetworks = new LinkedHashMap<String, String>();
    for (String networkName : networkNames(spec)) {
      NetworkTable.Network network = networks.require(networkName);
      attachedNetworks.put(network.name(), network.id());
    }
    var mountPoints = new ArrayList<MountPoint>();
    var anonymousVolumeNames = new ArrayList<String>();
    for (String volumesFrom : spec.storage().volumesFrom()) {
      mountPoints.addAll(require(volumesFrom.replaceFirst(":(ro|rw)$", "")).mounts());
    }
    for (Mount mount : spec.storage().mounts()) {
      mountPoints.add(mountPoint(mount, anonymousVolumeNames));
    }
    String id = ids.next("container");
    var container =
        new InMemoryContainer(
            id, name, spec, imageId, attachedNetworks, mountPoints, anonymousVolumeNames);
    containersById.put(id, container);
    emit(container, "create", Map.of());
    return id;
  }

  private void checkNameIsFree(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new RuntimeFault.InvalidArgument(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    for (InMemoryContainer other : containersById.values()) {
      if (other.name().equals(name)) {
        throw new RuntimeFault.Conflict(
            "Conflict. The container name \"/"
                + name
                + "\" is already in use by container \""
                + other.id()
                + "\". You have to remove (or rename) that container to be able to reuse that name.");
      }
    }
  }

  private static List<String> networkNames(ContainerSpec spec) {
    String mode = spec.networking().networkMode().orElse("");
    if (mode.startsWith("container:")) {
      return List.of();
    }
    var names = new ArrayList<String>();
    if (!mode.isEmpty()) {
      names.add(mode.equals("default") ? "bridge" : mode);
    }
    for (String endpoint : spec.networking().endpoints().keySet()) {
      if (!names.contains(endpoint)) {
        names.add(endpoint);
      }
    }
    if (names.isEmpty()) {
      names.add("bridge");
    }
    return names;
  }

  private MountPoint mountPoint(Mount mount, List<String> anonymousVolumeNames) {
    return switch (mount.type()) {
      case BIND -> new MountPoint(Mount.Type.BIND, "", mount.source().orElse(""), mount.target());
      case TMPFS -> new MountPoint(Mount.Type.TMPFS, "", "", mount.target());
      case VOLUME -> {
        VolumeSummary volume;
        if (mount.source().isPresent()) {
          String volumeName = mount.source().get();
          Optional<VolumeSummary> existing = volumes.find(volumeName);
          volume =
              existing.isPresent()
                  ? existing.get()
                  : volumes.create(VolumeSpec.named(volumeName, Map.of()));
        } else {
          String volumeName = ids.next("volume");
          volume =
              volumes.create(
                  new VolumeSpec(
                      volumeName, Optional.empty(), Map.of(), Map.of(VolumeTable.ANONYMOUS, "")));
          anonymousVolumeNames.add(volumeName);
        }
        yield new MountPoint(Mount.Type.VOLUME, volume.name(), volume.mountpoint(), mount.target());
      }
    };
  }

  void start(InMemoryContainer container) {
    if (container.running()) {
      return;
    }
    for (Map.Entry<String, String> network : container.networks().entrySet()) {
      if (networks.find(network.getValue()).isEmpty()) {
        throw new RuntimeFault.NotFound("network " + network.getKey() + " not found");
      }
    }
    Map<String, String> environment = container.environment(List.of());
    List<String> argv = container.argv();
    MiniShell.Run run =
        argv.isEmpty()
            ? new MiniShell.Run(List.of(), OptionalInt.empty())
            : MiniShell.run(argv, environment, true);
    container.started(clock.instant(), healthVerdict(container, environment));
    emit(container, "start", Map.of());
    for (MiniShell.Output output : run.output()) {
      write(container, output);
    }
    if (!run.stillRunning()) {
      exit(container, run.exitCode().getAsInt());
    }
  }

  private static Optional<Health> healthVerdict(
      InMemoryContainer container, Map<String, String> environment) {
    List<String> test =
        container.spec().health().map(ContainerSpec.HealthSpec::test).orElse(List.of());
    if (test.isEmpty() || test.get(0).equals("NONE")) {
      return Optional.empty();
    }
    List<String> rest = test.subList(1, test.size());
    List<String> argv =
        test.get(0).equals("CMD-SHELL") ? List.of("sh", "-c", String.join(" ", rest)) : rest;
    MiniShell.Run run = MiniShell.run(argv, environment, false);
    boolean healthy = run.exitCode().isPresent() && run.exitCode().getAsInt() == 0;
    return Optional.of(healthy ? Health.HEALTHY : Health.UNHEALTHY);
  }

  void stop(InMemoryContainer container) {
    if (!container.running()) {
      return;
    }
    Signal signal =
        container.spec().process().stopSignal().flatMap(Signal::parse).orElse(Signal.SIGTERM);
    emit(container, "kill", Map.of("signal", Integer.toString(signal.number())));
    exit(container, signal.exitCode());
    emit(container, "stop", Map.of());
  }

  void kill(InMemoryContainer container, String signalName) {
    if (!container.running()) {
      throw new RuntimeFault.Conflict(
          "Cannot kill container: "
              + container.name()
              + ": container "
              + container.id()
              + " is not running");
    }
    Signal signal =
        Signal.parse(signalName)
            .orElseThrow(() -> new RuntimeFault.InvalidArgument("invalid signal: " + signalName));
    emit(container, "kill", Map.of("signal", Integer.toString(signal.number())));
    exit(container, signal.exitCode());
  }

  /** The container's process wrote a line. */
  void write(InMemoryContainer container, MiniShell.Output output) {
    container.record(output, clock.instant());
  }

  /** The container's process ended with this code. */
  void exit(InMemoryContainer container, int exitCode) {
    container.exited(clock.instant(), exitCode);
    emit(container, "die", Map.of("exitCode", Integer.toString(exitCode)));
  }

  void remove(InMemoryContainer container, boolean force, boolean removeAnonymousVolumes) {
    if (container.running() && !force) {
      throw new RuntimeFault.Conflict(
          "You cannot remove a running container "
              + container.id()
              + ". Stop the container before attempting removal or force remove");
    }
    if (container.running()) {
      kill(container, "SIGKILL");
    }
    containersById.remove(container.id());
    container.removed();
    emit(container, "destroy", Map.of());
    if (removeAnonymousVolumes) {
      for (String volumeName : container.anonymousVolumeNames()) {
        if (!usesVolume(volumeName)) {
          volumes.remove(volumeName);
        }
      }
    }
  }

  void rename(InMemoryContainer container, String newName) {
    String name = newName.startsWith("/") ? newName.substring(1) : newName;
    if (name.equals(container.name())) {
      throw new RuntimeFault.InvalidArgument(
          "Renaming a container with the same name as its current name");
    }
    checkNameIsFree(name);
    String oldName = container.name();
    container.rename(name);
    emit(container, "rename", Map.of("oldName", "/" + oldName));
  }

  /** Inspects, letting a pending healthcheck verdict show (and emit its event). */
  ContainerDetails inspect(InMemoryContainer container) {
    Optional<Health> shown = container.inspected();
    if (shown.isPresent()) {
      emit(container, "health_status: " + shown.get().word(), Map.of());
    }
    return container.details();
  }

  void overrideHealth(InMemoryContainer container, Health health) {
    container.overrideHealth(health);
    emit(container, "health_status: " + health.word(), Map.of());
  }

  void connect(NetworkTable.Network network, InMemoryContainer container) {
    if (container.networks().containsKey(network.name())) {
      throw new RuntimeFault.Conflict(
          "endpoint with name "
              + container.name()
              + " already exists in network "
              + network.name());
    }
    container.networks().put(network.name(), network.id());
    networks.emit(network, "connect", Map.of("container", container.id()));
  }

  void disconnect(NetworkTable.Network network, InMemoryContainer container) {
    if (!container.networks().containsKey(network.name())) {
      throw new RuntimeFault.Conflict(
          "container " + container.id() + " is not connected to network " + network.name());
    }
    container.networks().remove(network.name());
    networks.emit(network, "disconnect", Map.of("container", container.id()));
  }

  boolean usesVolume(String volumeName) {
    for (InMemoryContainer container : containersById.values()) {
      for (MountPoint mount : container.mounts()) {
        if (mount.type() == Mount.Type.VOLUME && mount.name().equals(volumeName)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The running containers attached to a network: those with an endpoint on it, as in dockerd. */
  Set<String> runningOn(String networkId) {
    var containerIds = new HashSet<String>();
    for (InMemoryContainer container : containersById.values()) {
      if (container.running() && container.networks().containsValue(networkId)) {
        containerIds.add(container.id());
      }
    }
    return containerIds;
  }

  Optional<String> usingImage(String imageId) {
    for (InMemoryContainer container : containersById.values()) {
      if (container.imageId().equals(imageId)) {
        return Optional.of(container.id());
      }
    }
    return Optional.empty();
  }

  private void emit(InMemoryContainer container, String action, Map<String, String> extras) {
    var attributes = new LinkedHashMap<String, String>();
    attributes.put("name", container.name());
    attributes.put("image", container.spec().image());
    attributes.putAll(extras);
    events.emit("container", action, container.id(), container.spec().labels(), attributes);
  }
}

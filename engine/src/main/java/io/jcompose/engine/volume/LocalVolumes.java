package io.jcompose.engine.volume;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.http.WireJson;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The local volume driver: each volume is the directory {@code <data-root>/volumes/<name>/_data},
 * described by a record in {@code <data-root>/state/volumes}. Creating publishes a {@code create}
 * event, removing a {@code destroy} event.
 */
public final class LocalVolumes {

  /** The only driver there is. */
  public static final String DRIVER = "local";

  private static final Set<String> DRIVER_OPTIONS = Set.of("type", "device", "o", "size");

  private final Path volumesDirectory;
  private final RecordStore records;
  private final EventBus events;
  private final VolumeUsage usage;
  private final Clock clock;

  public LocalVolumes(Path dataRoot, EventBus events, VolumeUsage usage, Clock clock) {
    this.volumesDirectory = dataRoot.resolve("volumes");
    this.records = new RecordStore(dataRoot.resolve("state").resolve("volumes"));
    this.events = events;
    this.usage = usage;
    this.clock = clock;
    try {
      Files.createDirectories(volumesDirectory);
      Files.setPosixFilePermissions(volumesDirectory, PosixFilePermissions.fromString("rwx-----x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the volume directory " + volumesDirectory, e);
    }
  }

  /**
   * Creates a volume, or returns the existing one of that name unchanged.
   *
   * @param name empty for a generated 64-hex name
   * @throws EngineFault.InvalidArgument for a bad name or an unknown driver option
   * @throws EngineFault.NotFound for a driver other than local
   * @throws EngineFault.Conflict when the name exists with another driver
   */
  public synchronized Volume create(
      Optional<String> name,
      String driver,
      Map<String, String> labels,
      Map<String, String> options) {
    String volumeName = name.filter(given -> !given.isEmpty()).orElseGet(VolumeName::random);
    VolumeName.require(volumeName);
    String driverName = driver == null || driver.isEmpty() ? DRIVER : driver;
    if (!driverName.equals(DRIVER)) {
      throw new EngineFault.NotFound(
          "error looking up volume plugin "
              + driverName
              + ": plugin \""
              + driverName
              + "\" not found");
    }
    for (String option : options.keySet()) {
      if (!DRIVER_OPTIONS.contains(option)) {
        throw new EngineFault.InvalidArgument("invalid option key: \"" + option + "\"");
      }
    }
    Optional<Volume> existing = find(volumeName);
    if (existing.isPresent()) {
      return existing.get();
    }
    Path data = dataDirectory(volumeName);
    try {
      Files.createDirectories(data);
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new EngineFault.Internal(
          "cannot create the directory of volume " + volumeName + ": " + e.getMessage(), e);
    }
    var volume =
        new Volume(
            volumeName,
            driverName,
            labels,
            options,
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            data);
    records.write(volumeName, toJson(VolumeRecord.of(volume)));
    events.publish(EngineEvent.Type.VOLUME, "create", volumeName, Map.of("driver", driverName));
    return volume;
  }

  /**
   * @throws EngineFault.NotFound {@code get X: no such volume}
   */
  public Volume inspect(String name) {
    return find(name)
        .orElseThrow(() -> new EngineFault.NotFound("get " + name + ": no such volume"));
  }

  public Optional<Volume> find(String name) {
    try {
      VolumeName.require(name);
    } catch (EngineFault.InvalidArgument e) {
      return Optional.empty();
    }
    return records.read(name).map(this::fromJson);
  }

  /** Every volume, by name. */
  public List<Volume> list() {
    var volumes = new ArrayList<Volume>();
    for (String key : records.keys()) {
      records.read(key).map(this::fromJson).ifPresent(volumes::add);
    }
    return volumes;
  }

  /** The IDs of the containers using {@code name}. */
  public List<String> usersOf(String name) {
    return usage.containersUsing(name);
  }

  /**
   * Removes a volume and its data.
   *
   * @param force no error when it does not exist
   * @throws EngineFault.NotFound when it does not exist and {@code force} is false
   * @throws EngineFault.Conflict when a container uses it (even with {@code force}, as dockerd)
   */
  public synchronized void remove(String name, boolean force) {
    Optional<Volume> volume = find(name);
    if (volume.isEmpty()) {
      if (force) {
        return;
      }
      throw new EngineFault.NotFound("get " + name + ": no such volume");
    }
    List<String> users = usersOf(name);
    if (!users.isEmpty()) {
      throw new EngineFault.Conflict(
          "remove " + name + ": volume is in use - [" + String.join(" ", users) + "]");
    }
    destroy(volume.get());
  }

  /**
   * Removes every volume no container uses that {@code selection} accepts.
   *
   * @return the names removed and the bytes their data took
   */
  public synchronized PruneReport prune(Predicate<Volume> selection) {
    var removed = new ArrayList<String>();
    long reclaimed = 0;
    for (Volume volume : list()) {
      if (selection.test(volume) && usersOf(volume.name()).isEmpty()) {
        reclaimed += DirectoryTree.size(volume.mountpoint());
        destroy(volume);
        removed.add(volume.name());
      }
    }
    events.publish(
        EngineEvent.Type.VOLUME, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    return new PruneReport(removed, reclaimed);
  }

  /** What a prune removed. */
  public record PruneReport(List<String> volumeNames, long reclaimedBytes) {
    public PruneReport {
      volumeNames = List.copyOf(volumeNames);
    }
  }

  private void destroy(Volume volume) {
    try {
      DirectoryTree.delete(volumesDirectory.resolve(volume.name()));
    } catch (IOException e) {
      throw new EngineFault.Internal(
          "cannot remove the data of volume " + volume.name() + ": " + e.getMessage(), e);
    }
    records.delete(volume.name());
    events.publish(
        EngineEvent.Type.VOLUME, "destroy", volume.name(), Map.of("driver", volume.driver()));
  }

  private Path dataDirectory(String name) {
    return volumesDirectory.resolve(name).resolve("_data");
  }

  private String toJson(VolumeRecord record) {
    try {
      return WireJson.mapper().writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a volume record cannot fail to serialize", e);
    }
  }

  private Volume fromJson(String json) {
    try {
      VolumeRecord record = WireJson.mapper().readValue(json, VolumeRecord.class);
      return record.toVolume(dataDirectory(record.name()));
    } catch (JsonProcessingException e) {
      throw new EngineFault.Internal("a volume record is corrupt: " + e.getOriginalMessage(), e);
    }
  }
}

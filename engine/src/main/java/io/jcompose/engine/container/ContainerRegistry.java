package io.jcompose.engine.container;

import io.jcompose.engine.api.ContainerCounts;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageUsers;
import io.jcompose.engine.state.RecordStore;
import io.jcompose.engine.volume.VolumeUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container the engine knows, kept in memory and in one record file each under {@code
 * <data-root>/state/containers}. Looks containers up as dockerd does (full id, name with or without
 * its slash, unique id prefix), keeps names unique, and answers which containers use an image or a
 * volume. Open it first: the image store and the volumes ask it.
 */
public final class ContainerRegistry implements ImageUsers, VolumeUsage {

  private final RecordStore records;
  private final Map<String, ContainerEntry> entries = new ConcurrentHashMap<>();
  private final Map<String, String> idsByName = new HashMap<>();

  private ContainerRegistry(RecordStore records) {
    this.records = records;
  }

  /**
   * Reads the records under {@code <dataRoot>/state/containers}.
   *
   * @throws EngineFault.Internal for a record that is not readable
   */
  public static ContainerRegistry open(Path dataRoot) {
    var registry =
        new ContainerRegistry(new RecordStore(dataRoot.resolve("state").resolve("containers")));
    for (String key : registry.records.keys()) {
      registry.records.read(key).map(ContainerCodec::decode).ifPresent(registry::load);
    }
    return registry;
  }

  private synchronized void load(Container container) {
    entries.put(container.id(), new ContainerEntry(container));
    idsByName.put(container.name(), container.id());
  }

  /** By full id only (exits and records name containers that way). */
  Optional<ContainerEntry> byId(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** By full id, name (with or without {@code /}), or unique id prefix. */
  Optional<ContainerEntry> find(String reference) {
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    ContainerEntry exact = entries.get(reference);
    if (exact != null) {
      return Optional.of(exact);
    }
    String name = reference.startsWith("/") ? reference.substring(1) : reference;
    synchronized (this) {
      String id = idsByName.get(name);
      if (id != null) {
        return Optional.ofNullable(entries.get(id));
      }
    }
    List<ContainerEntry> prefixed =
        entries.values().stream().filter(entry -> entry.id().startsWith(reference)).toList();
    if (prefixed.size() > 1) {
      throw new EngineFault.InvalidArgument(
          "multiple IDs found with provided prefix: " + reference);
    }
    return prefixed.stream().findFirst();
  }

  /**
   * @throws EngineFault.NotFound {@code No such container: <reference>}
   */
  ContainerEntry resolve(String reference) {
    return find(reference)
        .orElseThrow(() -> new EngineFault.NotFound("No such container: " + reference));
  }

  /** Every container, newest first. */
  List<Container> all() {
    return entries.values().stream()
        .map(ContainerEntry::current)
        .sorted(Comparator.comparing(Container::created).reversed())
        .toList();
  }

  List<ContainerEntry> entries() {
    return List.copyOf(entries.values());
  }

  synchronized boolean nameTaken(String name) {
    return idsByName.containsKey(name);
  }

  /**
   * @throws EngineFault.Conflict dockerd's message when {@code name} is taken
   */
  synchronized void requireNameFree(String name) {
    requireFree(name);
  }

  /**
   * Records a new container under its name.
   *
   * @throws EngineFault.Conflict when the name is taken
   */
  ContainerEntry add(Container container) {
    synchronized (this) {
      requireFree(container.name());
      idsByName.put(container.name(), container.id());
    }
    try {
      records.write(container.id(), ContainerCodec.encode(container));
    } catch (RuntimeException e) {
      synchronized (this) {
        idsByName.remove(container.name());
      }
      throw e;
    }
    var entry = new ContainerEntry(container);
    entries.put(container.id(), entry);
    return entry;
  }

  /** Writes the container's new value and makes it current; the caller holds its lock. */
  void save(ContainerEntry entry, Container next) {
    if (!next.id().equals(entry.id())) {
      throw new IllegalArgumentException("container " + next.id() + " is not " + entry.id());
    }
    records.write(next.id(), ContainerCodec.encode(next));
    entry.set(next);
  }

  /**
   * Gives the container another name.
   *
   * @throws EngineFault.Conflict when the name is taken
   */
  void rename(ContainerEntry entry, String newName) {
    Container current = entry.current();
    synchronized (this) {
      requireFree(newName);
      idsByName.put(newName, current.id());
      idsByName.remove(current.name());
    }
    save(entry, current.withName(newName));
  }

  /** Forgets the container and deletes its record. */
  void remove(ContainerEntry entry) {
    records.delete(entry.id());
    entries.remove(entry.id());
    synchronized (this) {
      idsByName.remove(entry.current().name(), entry.id());
    }
  }

  /** For {@code /info}. */
  public ContainerCounts counts() {
    int running = 0;
    int paused = 0;
    int stopped = 0;
    for (ContainerEntry entry : entries.values()) {
      switch (entry.current().state().status()) {
        case RUNNING, RESTARTING -> running++;
        case PAUSED -> paused++;
        default -> stopped++;
      }
    }
    return new ContainerCounts(running, paused, stopped);
  }

  @Override
  public List<User> usersOf(Digest imageId) {
    var users = new ArrayList<User>();
    for (ContainerEntry entry : entries.values()) {
      Container container = entry.current();
      if (container.imageId().equals(imageId)) {
        users.add(new User(container.id(), container.isRunning()));
      }
    }
    return users;
  }

  @Override
  public List<String> containersUsing(String volumeName) {
    var users = new ArrayList<String>();
    for (ContainerEntry entry : entries.values()) {
      Container container = entry.current();
      boolean uses =
          container.mounts().stream()
              .anyMatch(
                  mount ->
                      mount.type() == MountPoint.Type.VOLUME && mount.name().equals(volumeName));
      if (uses) {
        users.add(container.id());
      }
    }
    users.sort(null);
    return users;
  }

  private void requireFree(String name) {
    String holder = idsByName.get(name);
    if (holder != null) {
      throw new EngineFault.Conflict(
          "Conflict. The container name \"/"
              + name
              + "\" is already in use by container \""
              + holder
              + "\". You have to remove (or rename) that container to be able to reuse that"
              + " name.");
    }
  }
}

package io.jcompose.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.DirectoryTree;
import io.jcompose.engine.layer.LayerUnpacker;
import io.jcompose.engine.layer.UnpackedLayer;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Unpacked layers and the overlay mounts made of them. Each layer is unpacked once, keyed by its
 * diff_id, into {@code <root>/snapshots/<n>/diff}, with a short link {@code
 * <root>/snapshots/l/<name>} so an overlay of many layers fits the kernel's option limit. A
 * container's rootfs gets {@code upper}, {@code work} and {@code merged} under {@code
 * <containers>/<containerId>}. The snapshotter knows nothing of images: callers name layers by
 * diff_id.
 */
public final class Snapshotter {

  private static final String LINKS = "l";
  private static final String EMPTY_LOWER = "empty";
  private static final Pattern LAYER_NUMBER = Pattern.compile("[0-9]{1,18}");
  private static final Pattern SAFE_PATH = Pattern.compile("[^,:\\\\\\s]+");
  private static final char[] LINK_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int LINK_LENGTH = 10;

  private final Path snapshots;
  private final Path links;
  private final Path containers;
  private final RecordStore layerRecords;
  private final RecordStore rootfsRecords;
  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong nextNumber;
  private final Map<Digest, StoredLayer> layers = new HashMap<>();

  /** What is kept of a layer: where it is and what it holds. */
  record StoredLayer(String diffId, long number, String link, long size, long tarLength) {}

  /** What is kept of a prepared rootfs: which layers it stacks. */
  record StoredRootfs(String containerId, List<String> layers) {}

  private Snapshotter(Path snapshots, Path containers) {
    this.snapshots = snapshots;
    this.links = snapshots.resolve(LINKS);
    this.containers = containers;
    this.layerRecords = new RecordStore(snapshots.resolve("layers"));
    this.rootfsRecords = new RecordStore(snapshots.resolve("rootfs"));
    this.nextNumber = new AtomicLong(1);
  }

  /**
   * Opens the snapshotter under {@code <root>/snapshots}, with container directories under {@code
   * containers}, and removes what a crash left half made: layer directories without a record and
   * links that lead nowhere.
   */
  public static Snapshotter open(Path root, Path containers) {
    Path snapshots = root.resolve("snapshots");
    for (Path path : List.of(snapshots, containers)) {
      if (!SAFE_PATH.matcher(path.toAbsolutePath().toString()).matches()) {
        throw new IllegalArgumentException(
            "the path " + path + " cannot appear in overlay mount options (no ',', ':', '\\')");
      }
    }
    var snapshotter = new Snapshotter(snapshots.toAbsolutePath(), containers.toAbsolutePath());
    snapshotter.load();
    return snapshotter;
  }

  /** The unpacked layer with this diff_id, if there is one. */
  public synchronized Optional<Layer> layer(Digest diffId) {
    return Optional.ofNullable(layers.get(diffId)).map(this::toLayer);
  }

  public synchronized List<Layer> layers() {
    return layers.values().stream().map(this::toLayer).toList();
  }

  /**
   * Unpacks a layer stream (see {@link LayerUnpacker}). When {@code expectedDiffId} is given and
   * already unpacked, the existing layer is returned and the stream is not read.
   *
   * @throws EngineFault.InvalidArgument for a hostile or corrupt layer or a diff_id mismatch
   */
  public Layer unpack(InputStream layerStream, Optional<Digest> expectedDiffId) {
    if (expectedDiffId.isPresent()) {
      Optional<Layer> existing = layer(expectedDiffId.get());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    long number = nextNumber.getAndIncrement();
    Path layerDirectory = snapshots.resolve(Long.toString(number));
    UnpackedLayer unpacked;
    try {
      unpacked = LayerUnpacker.unpack(layerStream, layerDirectory.resolve("diff"), expectedDiffId);
    } catch (RuntimeException e) {
      deleteQuietly(layerDirectory);
      throw e;
    }
    synchronized (this) {
      StoredLayer existing = layers.get(unpacked.diffId());
      if (existing != null) {
        deleteQuietly(layerDirectory);
        return toLayer(existing);
      }
      var stored =
          new StoredLayer(
              unpacked.diffId().toString(),
              number,
              newLinkName(),
              unpacked.size(),
              unpacked.tarLength());
      try {
        Files.createSymbolicLink(
            links.resolve(stored.link()), Path.of("..", Long.toString(number), "diff"));
      } catch (IOException e) {
        deleteQuietly(layerDirectory);
        throw new EngineFault.Internal("cannot link layer " + unpacked.diffId(), e);
      }
      layerRecords.write(unpacked.diffId().hex(), write(stored));
      layers.put(unpacked.diffId(), stored);
      return toLayer(stored);
    }
  }

  /**
   * Mounts the overlay of {@code layers} (bottom first) for a container on {@code
   * <containers>/<containerId>/merged}. Preparing a prepared container mounts it again if it is not
   * mounted (after a reboot) and keeps its upper dir, so the container's changes survive.
   *
   * @throws EngineFault.NotFound when a layer is not unpacked
   * @throws EngineFault.Conflict when the container was prepared with other layers
   */
  public synchronized Rootfs prepare(String containerId, List<Digest> layersBottomFirst) {
    var lower = new ArrayList<String>();
    for (Digest diffId : layersBottomFirst) {
      StoredLayer stored = layers.get(diffId);
      if (stored == null) {
        throw new EngineFault.NotFound("layer " + diffId + " is not unpacked");
      }
      lower.add(0, stored.link());
    }
    if (lower.isEmpty()) {
      lower.add(EMPTY_LOWER);
    }
    Rootfs rootfs = rootfsOf(containerId, layersBottomFirst);
    Optional<Rootfs> existing = rootfs(containerId);
    if (existing.isPresent() && !existing.get().layers().equals(rootfs.layers())) {
      throw new EngineFault.Conflict(
          "container " + containerId + " already has a rootfs of other layers");
    }
    if (MountTable.isMountPoint(rootfs.mergedDirectory())) {
      return rootfs;
    }
    try {
      Files.createDirectories(rootfs.upperDirectory());
      Files.createDirectories(rootfs.workDirectory());
      Files.createDirectories(rootfs.mergedDirectory());
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot create the rootfs directories of " + containerId, e);
    }
    rootfsRecords.write(
        containerId,
        write(
            new StoredRootfs(
                containerId, layersBottomFirst.stream().map(Digest::toString).toList())));
    String options = OverlayMounter.options(lower, rootfs.upperDirectory(), rootfs.workDirectory());
    OverlayMounter.mount(links, options, rootfs.mergedDirectory(), layersBottomFirst.size());
    return rootfs;
  }

  /** Unmounts a container's rootfs and keeps its upper dir, for a later {@link #prepare}. */
  public synchronized void unmount(String containerId) {
    OverlayMounter.unmount(containerDirectory(containerId).resolve("merged"));
  }

  /**
   * Unmounts a container's rootfs (lazily when busy) and removes its upper, work and merged dirs.
   * Releasing an unknown container removes whatever of those is left, so it serves start-up
   * clean-up too.
   */
  public synchronized void release(String containerId) {
    Path directory = containerDirectory(containerId);
    OverlayMounter.unmount(directory.resolve("merged"));
    try {
      for (String part : List.of("merged", "upper", "work")) {
        DirectoryTree.delete(directory.resolve(part));
      }
      if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(directory)) {
          if (!left.iterator().hasNext()) {
            Files.delete(directory);
          }
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot remove the rootfs of " + containerId, e);
    }
    rootfsRecords.delete(containerId);
  }

  /** The rootfs prepared for a container (mounted or not). */
  public synchronized Optional<Rootfs> rootfs(String containerId) {
    return rootfsRecords.read(containerId).map(this::readRootfs);
  }

  /** Every prepared rootfs, mounted or not. */
  public synchronized List<Rootfs> prepared() {
    return rootfsRecords.keys().stream()
        .flatMap(key -> rootfsRecords.read(key).map(this::readRootfs).stream())
        .toList();
  }

  /** The overlays mounted on container directories, as the kernel lists them. */
  public List<OverlayMount> mounts() {
    var mounts = new ArrayList<OverlayMount>();
    for (MountTable.Mount mount : MountTable.read()) {
      Path point = mount.mountPoint();
      if (mount.fileSystemType().equals("overlay")
          && point.startsWith(containers)
          && point.getNameCount() == containers.getNameCount() + 2
          && point.getFileName().toString().equals("merged")) {
        mounts.add(
            new OverlayMount(
                point.getParent().getFileName().toString(), point, mount.superOptions()));
      }
    }
    return mounts;
  }

  /**
   * Removes the layers that are neither in {@code keep} nor stacked in a prepared rootfs.
   *
   * @return the diff_ids of the removed layers
   */
  public synchronized List<Digest> removeUnused(Collection<Digest> keep) {
    Set<Digest> used = new java.util.HashSet<>(keep);
    for (Rootfs rootfs : prepared()) {
      used.addAll(rootfs.layers());
    }
    var removed = new ArrayList<Digest>();
    for (StoredLayer stored : List.copyOf(layers.values())) {
      Digest diffId = Digest.parse(stored.diffId());
      if (used.contains(diffId)) {
        continue;
      }
      layerRecords.delete(diffId.hex());
      layers.remove(diffId);
      try {
        Files.deleteIfExists(links.resolve(stored.link()));
        DirectoryTree.delete(snapshots.resolve(Long.toString(stored.number())));
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot remove layer " + diffId, e);
      }
      removed.add(diffId);
    }
    return removed;
  }

  private void load() {
    try {
      Files.createDirectories(links);
      Files.createDirectories(links.resolve(EMPTY_LOWER));
      Files.createDirectories(containers);
      long highest = 0;
      for (String key : layerRecords.keys()) {
        Optional<String> text = layerRecords.read(key);
        if (text.isEmpty()) {
          continue;
        }
        StoredLayer stored = json.readValue(text.get(), StoredLayer.class);
        if (Files.isDirectory(snapshots.resolve(Long.toString(stored.number())).resolve("diff"))) {
          layers.put(Digest.parse(stored.diffId()), stored);
          highest = Math.max(highest, stored.number());
        } else {
          layerRecords.delete(key);
        }
      }
      nextNumber.set(highest + 1);
      removeLeftovers();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot open the snapshotter in " + snapshots, e);
    }
  }

  /** Layer directories a crash left without a record, and links to nothing. */
  private void removeLeftovers() throws IOException {
    var recordedNumbers = new java.util.HashSet<String>();
    var recordedLinks = new java.util.HashSet<String>(List.of(EMPTY_LOWER));
    for (StoredLayer stored : layers.values()) {
      recordedNumbers.add(Long.toString(stored.number()));
      recordedLinks.add(stored.link());
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshots)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (LAYER_NUMBER.matcher(name).matches()) {
          if (!recordedNumbers.contains(name)) {
            DirectoryTree.delete(entry);
          } else {
            nextNumber.set(Math.max(nextNumber.get(), Long.parseLong(name) + 1));
          }
        }
      }
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(links)) {
      for (Path entry : entries) {
        if (!recordedLinks.contains(entry.getFileName().toString())) {
          DirectoryTree.delete(entry);
        }
      }
    }
  }

  private Rootfs rootfsOf(String containerId, List<Digest> layersBottomFirst) {
    Path directory = containerDirectory(containerId);
    return new Rootfs(
        containerId,
        directory.resolve("merged"),
        directory.resolve("upper"),
        directory.resolve("work"),
        layersBottomFirst);
  }

  private Rootfs readRootfs(String text) {
    try {
      StoredRootfs stored = json.readValue(text, StoredRootfs.class);
      return rootfsOf(stored.containerId(), stored.layers().stream().map(Digest::parse).toList());
    } catch (JsonProcessingException e) {
      throw new EngineFault.Internal("a rootfs record is not readable: " + e.getMessage(), e);
    }
  }

  private Path containerDirectory(String containerId) {
    if (!containerId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      throw new EngineFault.InvalidArgument("invalid container id \"" + containerId + "\"");
    }
    return containers.resolve(containerId);
  }

  private Layer toLayer(StoredLayer stored) {
    return new Layer(
        Digest.parse(stored.diffId()),
        snapshots.resolve(Long.toString(stored.number())).resolve("diff"),
        stored.size(),
        stored.tarLength());
  }

  private String newLinkName() {
    while (true) {
      var name = new StringBuilder(LINK_LENGTH);
      for (int i = 0; i < LINK_LENGTH; i++) {
        name.append(LINK_ALPHABET[random.nextInt(LINK_ALPHABET.length)]);
      }
      if (!Files.exists(links.resolve(name.toString()), LinkOption.NOFOLLOW_LINKS)) {
        return name.toString();
      }
    }
  }

  private String write(Object record) {
    try {
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records always serialize", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      DirectoryTree.delete(directory);
    } catch (IOException e) {
      // removed by the next start's leftover clean-up
    }
  }
}

package io.jcompose.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.layer.LayerUnpacker;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  private static final Pattern SAFE_PATH = Pattern.compile("[^,:\\\\\\s]+");
  private static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private final Path links;
  private final Path containers;
  private final LayerStore layers;
  private final RecordStore rootfsRecords;
  private final ObjectMapper json = new ObjectMapper();

  /** What is kept of a prepared rootfs: which layers it stacks. */
  record StoredRootfs(String containerId, List<String> layers) {}

  private Snapshotter(Path snapshots, Path containers) {
    this.links = snapshots.resolve("l");
    this.containers = containers;
    this.layers = new LayerStore(snapshots, links);
    this.rootfsRecords = new RecordStore(snapshots.resolve("rootfs"));
  }

  /**
   * Opens the snapshotter under {@code <root>/snapshots}, with container directories under {@code
   * containers}, and removes what a crash left half made: layer directories without a record and
   * links that lead nowhere.
   *
   * @throws IllegalArgumentException for a path overlay mount options cannot carry (with {@code ,}
   *     {@code :} {@code \} or blanks)
   */
  public static Snapshotter open(Path root, Path containers) {
    try {
      Path snapshots = Files.createDirectories(root.resolve("snapshots")).toRealPath();
      Path containerDirectory = Files.createDirectories(containers).toRealPath();
      for (Path path : List.of(snapshots, containerDirectory)) {
        if (!SAFE_PATH.matcher(path.toString()).matches()) {
          throw new IllegalArgumentException(
              "the path " + path + " cannot appear in overlay mount options (',', ':', '\\')");
        }
      }
      var snapshotter = new Snapshotter(snapshots, containerDirectory);
      snapshotter.layers.open();
      return snapshotter;
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot open the snapshotter in " + root, e);
    }
  }

  /** The unpacked layer with this diff_id, if there is one. */
  public Optional<Layer> layer(Digest diffId) {
    return layers.layer(diffId);
  }

  public List<Layer> layers() {
    return layers.layers();
  }

  /**
   * Unpacks a layer stream (see {@link LayerUnpacker}). When {@code expectedDiffId} is given and
   * already unpacked, the existing layer is returned and the stream is not read.
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument for a hostile or corrupt layer or
   *     a diff_id mismatch
   */
  public Layer unpack(InputStream layerStream, Optional<Digest> expectedDiffId) {
    if (expectedDiffId.isPresent()) {
      Optional<Layer> existing = layers.layer(expectedDiffId.get());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    return layers.unpack(layerStream, expectedDiffId);
  }

  /**
   * Mounts the overlay of {@code layersBottomFirst} for a container on {@code
   * <containers>/<containerId>/merged}. Preparing a prepared container mounts it again if it is not
   * mounted (after a reboot) and keeps its upper dir, so the container's changes survive.
   *
   * @throws EngineFault.NotFound when a layer is not unpacked
   * @throws EngineFault.Conflict when the container was prepared with other layers
   * @throws EngineFault.InvalidArgument when the layers are too many for one mount
   */
  public synchronized Rootfs prepare(String containerId, List<Digest> layersBottomFirst) {
    Rootfs rootfs = rootfsOf(containerId, layersBottomFirst);
    if (MountTable.isMountPoint(rootfs.mergedDirectory())) {
      checkSameLayers(containerId, rootfs);
      return rootfs;
    }
    String options = reserveDirectories(containerId, layersBottomFirst, rootfs);
    OverlayMounter.mount(links, options, rootfs.mergedDirectory(), layersBottomFirst.size());
    return rootfs;
  }

  /**
   * Everything of {@link #prepare} but the mount: the directories, the record, the check that the
   * overlay's options fit. A created container has its rootfs reserved; starting it mounts it (a
   * mount and an unmount at create are two host processes that docker does not spend either).
   */
  public synchronized Rootfs reserve(String containerId, List<Digest> layersBottomFirst) {
    Rootfs rootfs = rootfsOf(containerId, layersBottomFirst);
    if (MountTable.isMountPoint(rootfs.mergedDirectory())) {
      checkSameLayers(containerId, rootfs);
      return rootfs;
    }
    reserveDirectories(containerId, layersBottomFirst, rootfs);
    return rootfs;
  }

  private void checkSameLayers(String containerId, Rootfs rootfs) {
    Optional<Rootfs> existing = rootfs(containerId);
    if (existing.isPresent() && !existing.get().layers().equals(rootfs.layers())) {
      throw new EngineFault.Conflict(
          "container " + containerId + " already has a rootfs of other layers");
    }
  }

  /** Creates the rootfs directories and record; returns the overlay's mount options. */
  private String reserveDirectories(
      String containerId, List<Digest> layersBottomFirst, Rootfs rootfs) {
    var lower = new ArrayList<String>();
    for (Digest diffId : layersBottomFirst) {
      String link =
          layers
              .link(diffId)
              .orElseThrow(() -> new EngineFault.NotFound("layer " + diffId + " is not unpacked"));
      lower.add(0, link);
    }
    if (lower.isEmpty()) {
      lower.add(LayerStore.EMPTY_LOWER);
    }
    checkSameLayers(containerId, rootfs);
    String options = OverlayMounter.options(lower, rootfs.upperDirectory(), rootfs.workDirectory());
    OverlayMounter.checkOptions(options, layersBottomFirst.size());
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
    return options;
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
    Path merged = directory.resolve("merged");
    OverlayMounter.unmount(merged);
    if (MountTable.isMountPoint(merged)) {
      throw new EngineFault.Internal("the rootfs of " + containerId + " is still mounted", null);
    }
    try {
      for (Path part : List.of(merged, directory.resolve("upper"), directory.resolve("work"))) {
        DirectoryTree.delete(part);
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
    return rootfsRecords
        .read(containerDirectory(containerId).getFileName().toString())
        .map(this::readRootfs);
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
    Set<Digest> used = new HashSet<>(keep);
    for (Rootfs rootfs : prepared()) {
      used.addAll(rootfs.layers());
    }
    return layers.removeAllBut(used);
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
    return containers.resolve(checkedId(containerId));
  }

  /** A container id is a directory name and a record key: nothing that could name another path. */
  private static String checkedId(String containerId) {
    if (!CONTAINER_ID.matcher(containerId).matches()) {
      throw new EngineFault.InvalidArgument("invalid container id \"" + containerId + "\"");
    }
    return containerId;
  }

  private String write(StoredRootfs stored) {
    try {
      return json.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rootfs record always serialises", e);
    }
  }
}

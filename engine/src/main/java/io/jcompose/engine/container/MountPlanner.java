package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.volume.LocalVolumes;
import io.jcompose.engine.volume.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves a new container's mounts, as dockerd does at create: the mounts of {@code VolumesFrom}
 * containers, overridden by {@code Binds}, {@code Mounts} and {@code Tmpfs}, then an anonymous
 * volume for each declared volume path nothing else covers. Named volumes are created on demand,
 * bind sources given in {@code Binds} are created as directories when missing; all of that only
 * once every mount was checked.
 */
final class MountPlanner {

  private static final Set<String> BIND_OPTIONS =
      Set.of(
          "ro",
          "rw",
          "z",
          "Z",
          "nocopy",
          "shared",
          "rshared",
          "slave",
          "rslave",
          "private",
          "rprivate",
          "consistent",
          "cached",
          "delegated");

  private final LocalVolumes volumes;
  private final Function<String, Container> containers;
  private final List<String> createdAnonymous = new ArrayList<>();

  /**
   * @param containers looks up a {@code VolumesFrom} container (throws NotFound)
   */
  MountPlanner(LocalVolumes volumes, Function<String, Container> containers) {
    this.volumes = volumes;
    this.containers = containers;
  }

  /** A mount checked but not made yet: making it may create a volume. */
  private record Pending(String destination, Supplier<MountPoint> make) {}

  /**
   * Checks every mount first, then makes them (creating volumes), so a mistake creates nothing.
   *
   * @throws EngineFault.InvalidArgument for a malformed or duplicate mount
   * @throws EngineFault.NotFound for an unknown {@code VolumesFrom} container
   */
  List<MountPoint> plan(HostSettings.Storage storage, List<String> declaredVolumes) {
    var shared = new LinkedHashMap<String, MountPoint>();
    for (String from : storage.volumesFrom()) {
      shared.putAll(volumesFrom(from));
    }
    var explicit = new LinkedHashMap<String, Pending>();
    for (String bind : storage.binds()) {
      put(explicit, bind(bind));
    }
    for (MountRequest request : storage.mounts()) {
      put(explicit, mount(request));
    }
    storage.tmpfs().forEach((destination, options) -> put(explicit, tmpfs(destination, options)));
    var declared = new ArrayList<String>();
    for (String path : declaredVolumes) {
      String destination = destination(path);
      if (!shared.containsKey(destination)
          && !explicit.containsKey(destination)
          && !declared.contains(destination)) {
        declared.add(destination);
      }
    }
    try {
      var mounts = new LinkedHashMap<>(shared);
      explicit.forEach((destination, pending) -> mounts.put(destination, pending.make().get()));
      for (String destination : declared) {
        mounts.put(destination, anonymous(destination, Map.of(), false));
      }
      return List.copyOf(mounts.values());
    } catch (RuntimeException e) {
      discardAnonymous();
      throw e;
    }
  }

  /** Removes the anonymous volumes this planner created (the create failed after planning). */
  void discardAnonymous() {
    for (String name : createdAnonymous) {
      try {
        volumes.remove(name, true);
      } catch (EngineFault e) {
        // it stays as a dangling volume that prune removes
      }
    }
    createdAnonymous.clear();
  }

  private Map<String, MountPoint> volumesFrom(String spec) {
    String[] parts = spec.split(":");
    if (parts.length > 2 || parts[0].isEmpty()) {
      throw new EngineFault.InvalidArgument("invalid VolumesFrom format: " + spec);
    }
    Optional<Boolean> readWrite = Optional.empty();
    if (parts.length == 2) {
      readWrite =
          switch (parts[1]) {
            case "ro" -> Optional.of(false);
            case "rw" -> Optional.of(true);
            default ->
                throw new EngineFault.InvalidArgument(
                    "invalid mode for VolumesFrom " + spec + ": " + parts[1]);
          };
    }
    Container source = containers.apply(parts[0]);
    var mounts = new LinkedHashMap<String, MountPoint>();
    for (MountPoint mount : source.mounts()) {
      if (mount.type() != MountPoint.Type.TMPFS) {
        mounts.put(mount.destination(), mount.sharedAs(readWrite.orElse(mount.readWrite())));
      }
    }
    return mounts;
  }

  private Pending bind(String spec) {
    String[] parts = spec.split(":");
    if (parts.length == 1) {
      String destination = destination(parts[0]);
      return new Pending(destination, () -> anonymous(destination, Map.of(), false));
    }
    if (parts.length > 3 || parts[0].isEmpty()) {
      throw new EngineFault.InvalidArgument("invalid volume specification: '" + spec + "'");
    }
    String destination = destination(parts[1]);
    String mode = parts.length == 3 ? parts[2] : "";
    boolean readWrite = true;
    boolean noCopy = false;
    for (String option : mode.isEmpty() ? new String[0] : mode.split(",")) {
      if (!BIND_OPTIONS.contains(option)) {
        throw new EngineFault.InvalidArgument("invalid mode: " + mode);
      }
      readWrite = readWrite && !option.equals("ro");
      noCopy = noCopy || option.equals("nocopy");
    }
    String source = parts[0];
    boolean writable = readWrite;
    boolean empty = noCopy;
    if (source.startsWith("/")) {
      Path path = Path.of(source).normalize();
      return new Pending(
          destination,
          () -> {
            try {
              Files.createDirectories(path);
            } catch (IOException e) {
              throw new EngineFault.InvalidArgument(
                  "error while creating mount source path '" + path + "': " + e.getMessage(), e);
            }
            return MountPoint.bind(path.toString(), destination, writable, mode);
          });
    }
    return new Pending(
        destination,
        () -> {
          Volume volume =
              volumes.create(Optional.of(source), LocalVolumes.DRIVER, Map.of(), Map.of());
          return MountPoint.volume(
                  volume.name(), volume.mountpoint().toString(), destination, writable, mode)
              .withNoCopy(empty);
        });
  }

  private Pending mount(MountRequest request) {
    String destination = destination(request.target());
    boolean readWrite = !request.readOnly();
    switch (request.type().toLowerCase(Locale.ROOT)) {
      case "bind" -> {
        if (!request.source().startsWith("/")) {
          throw new EngineFault.InvalidArgument(
              "invalid mount config for type \"bind\": invalid mount path: '"
                  + request.source()
                  + "' mount path must be absolute");
        }
        Path source = Path.of(request.source()).normalize();
        if (!Files.exists(source)) {
          throw new EngineFault.InvalidArgument(
              "invalid mount config for type \"bind\": bind source path does not exist: " + source);
        }
        return new Pending(
            destination, () -> MountPoint.bind(source.toString(), destination, readWrite, ""));
      }
      case "volume" -> {
        if (request.source().isEmpty()) {
          return new Pending(
              destination,
              () ->
                  anonymous(destination, request.volumeLabels(), request.noCopy())
                      .withReadWrite(readWrite));
        }
        return new Pending(
            destination,
            () -> {
              Volume volume =
                  volumes.create(
                      Optional.of(request.source()),
                      LocalVolumes.DRIVER,
                      request.volumeLabels(),
                      Map.of());
              return MountPoint.volume(
                      volume.name(), volume.mountpoint().toString(), destination, readWrite, "z")
                  .withNoCopy(request.noCopy());
            });
      }
      case "tmpfs" -> {
        var options = new MountPoint.Tmpfs(request.tmpfsSizeBytes(), request.tmpfsMode());
        return new Pending(destination, () -> MountPoint.tmpfs(destination, readWrite, options));
      }
      default ->
          throw new EngineFault.InvalidArgument(
              "mount type unknown or not supported: \"" + request.type() + "\"");
    }
  }

  private Pending tmpfs(String path, String options) {
    String destination = destination(path);
    long size = 0;
    int mode = 0;
    boolean readWrite = true;
    for (String option : options.isEmpty() ? new String[0] : options.split(",")) {
      if (option.startsWith("size=")) {
        size = TmpfsSize.parse(option.substring("size=".length()), options);
      } else if (option.startsWith("mode=")) {
        try {
          mode = Integer.parseInt(option.substring("mode=".length()), 8);
        } catch (NumberFormatException e) {
          throw new EngineFault.InvalidArgument("invalid tmpfs mode in \"" + options + "\"");
        }
      } else if (option.equals("ro")) {
        readWrite = false;
      }
    }
    var tmpfs = new MountPoint.Tmpfs(size, mode);
    boolean writable = readWrite;
    return new Pending(destination, () -> MountPoint.tmpfs(destination, writable, tmpfs));
  }

  private MountPoint anonymous(String destination, Map<String, String> labels, boolean noCopy) {
    var volumeLabels = new LinkedHashMap<>(labels);
    volumeLabels.put(Volume.ANONYMOUS_LABEL, "");
    Volume volume = volumes.create(Optional.empty(), LocalVolumes.DRIVER, volumeLabels, Map.of());
    createdAnonymous.add(volume.name());
    return MountPoint.volume(volume.name(), volume.mountpoint().toString(), destination, true, "")
        .asAnonymous()
        .withNoCopy(noCopy);
  }

  private static void put(Map<String, Pending> mounts, Pending mount) {
    if (mounts.putIfAbsent(mount.destination(), mount) != null) {
      throw new EngineFault.InvalidArgument("Duplicate mount point: " + mount.destination());
    }
  }

  private static String destination(String path) {
    if (!path.startsWith("/")) {
      throw new EngineFault.InvalidArgument(
          "invalid mount config: invalid mount path: '" + path + "' mount path must be absolute");
    }
    String normalized = Path.of(path).normalize().toString();
    if (normalized.equals("/")) {
      throw new EngineFault.InvalidArgument("invalid specification: destination can't be '/'");
    }
    return normalized;
  }

  /** Sizes as Docker writes them: {@code 64m}, {@code 1g}, {@code 65536}. */
  static final class TmpfsSize {
    private TmpfsSize() {}

    static long parse(String text, String context) {
      String lower = text.toLowerCase(Locale.ROOT);
      long factor = 1;
      char last = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
      switch (last) {
        case 'k' -> factor = 1024L;
        case 'm' -> factor = 1024L * 1024;
        case 'g' -> factor = 1024L * 1024 * 1024;
        default -> {}
      }
      String digits = factor == 1 ? lower : lower.substring(0, lower.length() - 1);
      try {
        return Long.parseLong(digits) * factor;
      } catch (NumberFormatException e) {
        throw new EngineFault.InvalidArgument("invalid tmpfs size in \"" + context + "\"");
      }
    }
  }
}

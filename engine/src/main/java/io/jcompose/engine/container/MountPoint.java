package io.jcompose.engine.container;

import java.util.Objects;

/**
 * A filesystem mounted into the container, resolved at create: inspect's {@code Mounts} and what
 * start binds.
 *
 * @param name the volume's name; empty for binds and tmpfs
 * @param source the host path (a volume's data directory, the bind source); empty for tmpfs
 * @param mode as inspect reports it ({@code ro}, {@code rw}, {@code z}, or empty)
 * @param anonymous a volume the engine created for this container ({@code docker rm -v} removes it)
 * @param noCopy a new, empty volume is not filled with the image's files at the destination
 */
public record MountPoint(
    Type type,
    String name,
    String source,
    String destination,
    String mode,
    boolean readWrite,
    boolean anonymous,
    boolean noCopy,
    Tmpfs tmpfs) {

  /** The kinds of mount. */
  public enum Type {
    VOLUME,
    BIND,
    TMPFS;

    /** {@code volume}, {@code bind}, {@code tmpfs}. */
    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A tmpfs's size (0 for the kernel's default) and root mode (0 for the default). */
  public record Tmpfs(long sizeBytes, int mode) {
    public static final Tmpfs DEFAULT = new Tmpfs(0, 0);
  }

  public MountPoint {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(tmpfs, "tmpfs");
  }

  public static MountPoint volume(
      String name, String source, String destination, boolean readWrite, String mode) {
    return new MountPoint(
        Type.VOLUME, name, source, destination, mode, readWrite, false, false, Tmpfs.DEFAULT);
  }

  public static MountPoint bind(String source, String destination, boolean readWrite, String mode) {
    return new MountPoint(
        Type.BIND, "", source, destination, mode, readWrite, false, false, Tmpfs.DEFAULT);
  }

  public static MountPoint tmpfs(String destination, boolean readWrite, Tmpfs options) {
    return new MountPoint(Type.TMPFS, "", "", destination, "", readWrite, false, false, options);
  }

  public MountPoint asAnonymous() {
    return new MountPoint(type, name, source, destination, mode, readWrite, true, noCopy, tmpfs);
  }

  public MountPoint withReadWrite(boolean value) {
    return new MountPoint(type, name, source, destination, mode, value, anonymous, noCopy, tmpfs);
  }

  public MountPoint withNoCopy(boolean value) {
    return new MountPoint(
        type, name, source, destination, mode, readWrite, anonymous, value, tmpfs);
  }

  /** The same mount shared from another container ({@code VolumesFrom}), never anonymous here. */
  public MountPoint sharedAs(boolean newReadWrite) {
    return new MountPoint(type, name, source, destination, mode, newReadWrite, false, true, tmpfs);
  }

  /** The propagation inspect reports: binds are {@code rprivate}, the others empty. */
  public String propagation() {
    return type == Type.BIND ? "rprivate" : "";
  }
}

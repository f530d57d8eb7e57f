package io.jcompose.engine.archive;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code X-Docker-Container-Path-Stat} reports of a path in a container.
 *
 * @param name the last component of the path asked for
 * @param size bytes
 * @param mode Go's {@code os.FileMode}: permission bits plus type bits ({@code 1<<31} a directory,
 *     {@code 1<<27} a symbolic link ...)
 * @param linkTarget for a link, the container path it leads to; else empty
 */
public record PathStat(String name, long size, long mode, Instant modified, String linkTarget) {

  static final long GO_DIRECTORY = 1L << 31;
  static final long GO_SYMLINK = 1L << 27;
  static final long GO_DEVICE = 1L << 26;
  static final long GO_NAMED_PIPE = 1L << 25;
  static final long GO_SOCKET = 1L << 24;
  static final long GO_SETUID = 1L << 23;
  static final long GO_SETGID = 1L << 22;
  static final long GO_CHAR_DEVICE = 1L << 21;
  static final long GO_STICKY = 1L << 20;

  /**
   * The stat of a path; a final link is reported as the link.
   *
   * @throws EngineFault.NotFound when it does not exist
   */
  public static PathStat of(
      ContainerFileSystem files, String containerPath, String containerReference) {
    ContainerFileSystem.Location location = files.resolveParentLinks(containerPath);
    Map<String, Object> attributes = attributes(location, containerPath, containerReference);
    int unixMode = (Integer) attributes.get("mode");
    String linkTarget =
        Files.isSymbolicLink(location.hostPath())
            ? files.resolve(containerPath).containerPath()
            : "";
    String name = ContainerPath.normalize(containerPath);
    name = name.equals("/") ? "/" : name.substring(name.lastIndexOf('/') + 1);
    if (containerPath.endsWith("/.")) {
      name = "."; // dockerd's name for "the directory's content"
    }
    return new PathStat(
        name,
        (Long) attributes.get("size"),
        goMode(unixMode),
        ((FileTime) attributes.get("lastModifiedTime")).toInstant(),
        linkTarget);
  }

  static Map<String, Object> attributes(
      ContainerFileSystem.Location location, String containerPath, String containerReference) {
    try {
      return Files.readAttributes(
          location.hostPath(), "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new EngineFault.NotFound(
          "Could not find the file " + containerPath + " in container " + containerReference);
    }
  }

  /** Go's {@code FileMode} of a {@code st_mode}. */
  static long goMode(int unixMode) {
    long mode = unixMode & 0777;
    switch (unixMode & 0170000) {
      case 0040000 -> mode |= GO_DIRECTORY;
      case 0120000 -> mode |= GO_SYMLINK;
      case 0020000 -> mode |= GO_DEVICE | GO_CHAR_DEVICE;
      case 0060000 -> mode |= GO_DEVICE;
      case 0010000 -> mode |= GO_NAMED_PIPE;
      case 0140000 -> mode |= GO_SOCKET;
      default -> {
        // a regular file: no type bit
      }
    }
    if ((unixMode & 04000) != 0) {
      mode |= GO_SETUID;
    }
    if ((unixMode & 02000) != 0) {
      mode |= GO_SETGID;
    }
    if ((unixMode & 01000) != 0) {
      mode |= GO_STICKY;
    }
    return mode;
  }
}

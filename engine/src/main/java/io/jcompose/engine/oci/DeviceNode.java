package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A device node made in the container (Docker's {@code --device}) and allowed in its device cgroup.
 *
 * @param path the absolute path inside the container
 * @param type {@code c} (character) or {@code b} (block)
 * @param fileMode the permission bits of the node
 * @param permissions what the device cgroup allows: {@code r}, {@code w}, {@code m} (mknod)
 */
public record DeviceNode(
    String path,
    String type,
    long major,
    long minor,
    int fileMode,
    long uid,
    long gid,
    String permissions) {

  private static final int TYPE_MASK = 0170000;
  private static final int CHARACTER = 0020000;
  private static final int BLOCK = 0060000;
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("pts", "shm", "fd", "mqueue", ".lxc", ".lxd-mounts", ".udev");

  public DeviceNode {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new EngineFault.InvalidArgument("device path \"" + path + "\" is not absolute");
    }
    if (!type.equals("c") && !type.equals("b")) {
      throw new EngineFault.InvalidArgument("device type \"" + type + "\" is not c or b");
    }
    if (permissions.isEmpty() || !permissions.matches("[rwm]{1,3}")) {
      throw new EngineFault.InvalidArgument("invalid device permissions \"" + permissions + "\"");
    }
  }

  /**
   * The host's device {@code hostPath} as {@code containerPath} in the container; for a directory,
   * every device below it, at the same place below {@code containerPath} (as dockerd does).
   *
   * @throws EngineFault.InvalidArgument when it is missing or not a device, in dockerd's words
   */
  public static List<DeviceNode> ofHost(Path hostPath, String containerPath, String permissions) {
    try {
      Path real = hostPath.toRealPath();
      if (Files.isDirectory(real)) {
        var nodes = new ArrayList<DeviceNode>();
        try (var tree = Files.walk(real)) {
          for (Path entry : (Iterable<Path>) tree::iterator) {
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
              String below = real.relativize(entry).toString();
              DeviceNode node = read(entry, containerPath + "/" + below, permissions);
              if (node != null) {
                nodes.add(node);
              }
            }
          }
        }
        return List.copyOf(nodes);
      }
      DeviceNode node = read(real, containerPath, permissions);
      if (node == null) {
        throw new EngineFault.InvalidArgument(
            "error gathering device information while adding custom device \""
                + hostPath
                + "\": not a device node");
      }
      return List.of(node);
    } catch (NoSuchFileException e) {
      throw new EngineFault.InvalidArgument(
          "error gathering device information while adding custom device \""
              + hostPath
              + "\": no such file or directory");
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "error gathering device information while adding custom device \""
              + hostPath
              + "\": "
              + e.getMessage());
    }
  }

  /**
   * Every device node under the host's {@code /dev}, as a privileged container gets them (runc's
   * list: pseudo-terminals, shared memory, message queues and the console are left out).
   */
  public static List<DeviceNode> hostDevices() {
    var nodes = new ArrayList<DeviceNode>();
    collect(Path.of("/dev"), nodes);
    return List.copyOf(nodes);
  }

  private static void collect(Path directory, List<DeviceNode> into) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          if (!SKIPPED_DIRECTORIES.contains(name)) {
            collect(entry, into);
          }
        } else if (!name.equals("console")) {
          DeviceNode node = read(entry, entry.toString(), "rwm");
          if (node != null) {
            into.add(node);
          }
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot list the devices in " + directory, e);
    }
  }

  /** The node, or null for anything that is not a device. */
  private static DeviceNode read(Path hostPath, String containerPath, String permissions)
      throws IOException {
    int mode = (Integer) Files.getAttribute(hostPath, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    String type;
    if ((mode & TYPE_MASK) == CHARACTER) {
      type = "c";
    } else if ((mode & TYPE_MASK) == BLOCK) {
      type = "b";
    } else {
      return null;
    }
    long device = (Long) Files.getAttribute(hostPath, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
    long major = ((device >>> 8) & 0xfff) | ((device >>> 32) & ~0xfffL);
    long minor = (device & 0xff) | ((device >>> 12) & ~0xffL);
    int uid = (Integer) Files.getAttribute(hostPath, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int gid = (Integer) Files.getAttribute(hostPath, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    return new DeviceNode(containerPath, type, major, minor, mode & 07777, uid, gid, permissions);
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A path inside a container's root filesystem, resolved as the container would see it: symbolic
 * links are followed relative to the root (an absolute link target starts at the root, {@code ..}
 * stops there), so an image can never lead the engine to a host path outside its rootfs.
 */
final class RootfsPath {

  private static final int MAX_LINKS = 40;

  private RootfsPath() {}

  /**
   * The host path of {@code containerPath} under {@code root}; what does not exist yet is appended
   * as it stands.
   *
   * @throws EngineFault.InvalidArgument for a loop of links
   */
  static Path resolve(Path root, String containerPath) {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, containerPath);
    Deque<String> resolved = new ArrayDeque<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        resolved.pollLast();
        continue;
      }
      Path candidate = join(root, resolved).resolve(part);
      if (Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new EngineFault.InvalidArgument(
              "too many levels of symbolic links in " + containerPath);
        }
        String target;
        try {
          target = Files.readSymbolicLink(candidate).toString();
        } catch (IOException e) {
          throw new EngineFault.Internal("cannot read link " + candidate, e);
        }
        if (target.startsWith("/")) {
          resolved.clear();
        }
        push(pending, target);
      } else {
        resolved.addLast(part);
      }
    }
    return join(root, resolved);
  }

  /**
   * Makes the directory {@code containerPath} (and its parents) inside the rootfs, as dockerd does
   * for a working directory that is missing. Every part of the resolved path is a directory or
   * missing, so the parts are made one by one.
   */
  static Path createDirectories(Path root, String containerPath) {
    Path directory = resolve(root, containerPath);
    if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return directory;
    }
    Path current = root;
    for (Path part : root.relativize(directory)) {
      current = current.resolve(part);
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(current);
        } catch (IOException e) {
          throw new EngineFault.InvalidArgument(
              "cannot create the directory " + containerPath + " in the container", e);
        }
      }
    }
    return directory;
  }

  private static void push(Deque<String> pending, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      pending.push(parts[i]);
    }
  }

  private static Path join(Path root, Deque<String> parts) {
    Path path = root;
    for (String part : parts) {
      path = path.resolve(part);
    }
    return path;
  }
}

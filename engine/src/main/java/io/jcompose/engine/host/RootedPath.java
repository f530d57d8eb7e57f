package io.jcompose.engine.host;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A path inside a root directory (a container's or an image's root filesystem, a build context),
 * resolved following symbolic links without ever leaving the root. As a chroot sees it, an absolute
 * link target starts again at the root and {@code ..} stops there; confined (a build context), a
 * link that points outside (an absolute target, or {@code ..} above the root) makes the path
 * unresolvable. What does not exist yet is appended as it stands.
 */
public final class RootedPath {

  private static final int MAX_LINKS = 40;

  private RootedPath() {}

  /**
   * The host path of {@code components} under {@code root}; empty when a confined resolution leaves
   * it.
   *
   * @param followLast whether a link in the last component is followed too
   * @throws EngineFault.InvalidArgument for a loop of links
   */
  public static Optional<Path> resolve(
      Path root, List<String> components, boolean followLast, boolean confined) {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, components);
    Deque<String> resolved = new ArrayDeque<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (resolved.isEmpty()) {
          if (confined) {
            return Optional.empty();
          }
          continue;
        }
        resolved.removeLast();
        continue;
      }
      Path candidate = join(root, resolved).resolve(part);
      boolean last = pending.stream().allMatch(p -> p.isEmpty() || p.equals("."));
      if ((followLast || !last) && Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new EngineFault.InvalidArgument(
              "too many levels of symbolic links in " + String.join("/", components));
        }
        String target = readLink(candidate);
        if (target.startsWith("/")) {
          if (confined) {
            return Optional.empty();
          }
          resolved.clear();
        }
        push(pending, List.of(target.split("/")));
      } else {
        resolved.addLast(part);
      }
    }
    return Optional.of(join(root, resolved));
  }

  /** Resolves every component as a chroot would, which always stays inside {@code root}. */
  public static Path inRoot(Path root, List<String> components) {
    return resolve(root, components, true, false).orElseThrow();
  }

  /** {@link #inRoot(Path, List)} of a path written with {@code /}. */
  public static Path inRoot(Path root, String path) {
    return inRoot(root, List.of(path.split("/")));
  }

  /**
   * Makes the directory {@code path} (and its parents) inside the root as a chroot sees it: each
   * missing part of the resolved path is made in turn. An existing last part is returned as it is.
   *
   * @throws NotDirectoryException when a part before the last is not a directory
   * @throws IOException when a directory cannot be made
   */
  public static Path createDirectories(Path root, String path) throws IOException {
    Path directory = inRoot(root, path);
    if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return directory;
    }
    Path current = root;
    for (Path part : root.relativize(directory)) {
      current = current.resolve(part);
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
      } else if (!current.equals(directory)
          && !Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new NotDirectoryException(current.toString());
      }
    }
    return directory;
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read the link " + link, e);
    }
  }

  private static void push(Deque<String> pending, List<String> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      pending.push(parts.get(i));
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

package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a path inside a root directory, following symbolic links without ever leaving the root.
 * Confined (a build context), a link that points outside (an absolute target, or {@code ..} above
 * the root) makes the path unresolvable; as a chroot (an image's root filesystem), an absolute
 * target starts again at the root and {@code ..} stops there. What does not exist yet is appended
 * as it stands, so every existing prefix of the result is a real directory.
 */
final class ScopedPath {

  private static final int MAX_LINKS = 40;

  private ScopedPath() {}

  /**
   * The host path of {@code path} under {@code root}; empty when a confined resolution leaves it.
   *
   * @param followLast whether a link in the last component is followed too
   * @throws EngineFault.InvalidArgument for a loop of links
   */
  static Optional<Path> resolve(Path root, TreePath path, boolean followLast, boolean confined) {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, path.components());
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
          throw new EngineFault.InvalidArgument("too many levels of symbolic links in " + path);
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

  /** Resolves as a chroot would, which always stays inside {@code root}. */
  static Path inRoot(Path root, TreePath path) {
    return resolve(root, path, true, false).orElseThrow();
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

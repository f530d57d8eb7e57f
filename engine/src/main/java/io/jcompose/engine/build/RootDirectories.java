package io.jcompose.engine.build;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Creates a directory inside an image's root as the image sees it (WORKDIR): symbolic links are
 * followed within the root, an absolute target starting at the root and {@code ..} stopping there,
 * so nothing outside the root is ever touched.
 */
final class RootDirectories {

  private static final int MAX_LINKS = 40;

  private RootDirectories() {}

  /**
   * @throws EngineFault.InvalidArgument when a part of the path is a file, or links loop
   */
  static void create(Path root, String path) {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, path);
    Path current = root;
    int links = 0;
    try {
      while (!pending.isEmpty()) {
        String part = pending.pop();
        if (part.isEmpty() || part.equals(".")) {
          continue;
        }
        if (part.equals("..")) {
          current = current.equals(root) ? root : current.getParent();
          continue;
        }
        Path next = current.resolve(part);
        if (Files.isSymbolicLink(next)) {
          if (++links > MAX_LINKS) {
            throw new EngineFault.InvalidArgument("too many links resolving " + path);
          }
          String target = Files.readSymbolicLink(next).toString();
          push(pending, target);
          if (target.startsWith("/")) {
            current = root;
          }
          continue;
        }
        if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(next);
        } else if (!Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
          throw new EngineFault.InvalidArgument(
              "cannot create the working directory " + path + ": a part of it is not a directory");
        }
        current = next;
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot create the working directory " + path, e);
    }
  }

  /** Puts the parts of {@code path} in front of what is pending, in order. */
  private static void push(Deque<String> pending, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      pending.push(parts[i]);
    }
  }
}

package io.jcompose.cli.copy;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Slash-separated path arithmetic as Go's {@code filepath} and moby's {@code archive} package do it
 * ({@code Clean}, {@code SplitPathDirEntry}, trailing {@code /} and {@code /.}); container paths
 * and local paths are both handled as text, so that the trailing forms survive.
 */
public final class CopyPaths {

  private CopyPaths() {}

  /** Go's {@code filepath.Clean}: no empty, {@code .} or resolvable {@code ..} parts. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!absolute) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Whether the path ends in {@code /.} or is {@code .}: "the directory's contents". */
  public static boolean specifiesCurrentDir(String path) {
    return path.equals(".") || path.endsWith("/.");
  }

  public static boolean hasTrailingSeparator(String path) {
    return path.endsWith("/");
  }

  /** The path says it is a directory: a trailing {@code /} or {@code /.}. */
  public static boolean assertsDirectory(String path) {
    return hasTrailingSeparator(path) || specifiesCurrentDir(path);
  }

  /** moby's {@code SplitPathDirEntry}: the parent and the entry, {@code .} kept as the entry. */
  public static String[] splitDirEntry(String path) {
    String cleaned = clean(path);
    if (specifiesCurrentDir(path)) {
      cleaned = cleaned.equals("/") ? "/." : cleaned + "/.";
    }
    return new String[] {dir(cleaned), base(cleaned)};
  }

  /** Go's {@code filepath.Dir}. */
  public static String dir(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return clean(path.substring(0, slash + 1));
  }

  /** Go's {@code filepath.Base}. */
  public static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.equals("/")) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Go's {@code filepath.Join} of two parts. */
  public static String join(String parent, String child) {
    if (parent.isEmpty()) {
      return clean(child);
    }
    return clean(parent + "/" + child);
  }

  /**
   * moby's {@code GetRebaseName}: a resolved symlink target keeps the original's trailing {@code /}
   * or {@code /.}; when its last part differs, archive entries are renamed back to the original's.
   *
   * @return the resolved path and the name to rebase to (empty when none)
   */
  public static String[] rebaseName(String path, String resolved) {
    if (specifiesCurrentDir(path) && !specifiesCurrentDir(resolved)) {
      resolved += "/.";
    }
    if (hasTrailingSeparator(path) && !hasTrailingSeparator(resolved)) {
      resolved += "/";
    }
    String rebase = base(path).equals(base(resolved)) ? "" : base(path);
    return new String[] {resolved, rebase};
  }
}

package io.jcompose.cli.copy;

import io.jcompose.cli.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local end of a copy, as moby's {@code CopyInfoSourcePath} and {@code CopyInfoDestinationPath}
 * see it: paths kept as text, so that a trailing {@code /} or {@code /.} still means what the user
 * wrote.
 */
public final class LocalSide {

  private LocalSide() {}

  /**
   * A local file or directory to send.
   *
   * @param path where it is, symlinks of its parents resolved (and its own with {@code -L})
   * @param directory whether it is a directory
   * @param rebaseName the name its archive entry takes when following a link renamed it
   */
  public record Source(String path, boolean directory, String rebaseName) {}

  /** {@code path} made absolute against {@code workingDirectory}, its trailing form kept. */
  public static String absolute(String path, Path workingDirectory) {
    return path.startsWith("/") ? path : workingDirectory + "/" + path;
  }

  public static Source source(String path, boolean followLink) {
    String resolved;
    String rebaseName = "";
    try {
      if (followLink) {
        String real = Path.of(CopyPaths.clean(path)).toRealPath().toString();
        String[] rebased = CopyPaths.rebaseName(path, real);
        resolved = rebased[0];
        rebaseName = rebased[1];
      } else {
        int slash = path.lastIndexOf('/');
        String parent = path.substring(0, slash + 1);
        String base = path.substring(slash + 1);
        String realParent = Path.of(parent.isEmpty() ? "." : parent).toRealPath().toString();
        resolved = (realParent.equals("/") ? "" : realParent) + "/" + base;
        if (CopyPaths.hasTrailingSeparator(path)
            && !CopyPaths.base(path).equals(CopyPaths.base(resolved))) {
          rebaseName = CopyPaths.base(path);
        }
      }
    } catch (IOException e) {
      throw new UserException("no such file or directory: " + path, 1, e);
    }
    Path file = Path.of(CopyPaths.clean(resolved));
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException("no such file or directory: " + path);
    }
    return new Source(resolved, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS), rebaseName);
  }

  /**
   * What is at a local destination: whether it is a directory (symlinks followed), empty when
   * nothing is there but its parent directory exists.
   */
  public static Optional<Boolean> destination(String path) {
    Path file = Path.of(CopyPaths.clean(path));
    if (Files.exists(file)) {
      return Optional.of(Files.isDirectory(file));
    }
    if (Files.isSymbolicLink(file)) {
      throw new UserException("the destination " + path + " is a dangling symlink");
    }
    Path parent = Path.of(CopyPaths.splitDirEntry(path)[0]);
    if (!Files.isDirectory(parent)) {
      throw new UserException(
          "no such directory: " + parent + " (the destination's parent must exist)");
    }
    return Optional.empty();
  }
}

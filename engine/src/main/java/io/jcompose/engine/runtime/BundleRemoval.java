package io.jcompose.engine.runtime;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Deletes a bundle directory, refusing while anything is mounted inside it: the rootfs overlay is
 * mounted under the bundle in production, and deleting through it would delete the container's
 * layers. Symbolic links are removed, never followed.
 */
final class BundleRemoval {

  private BundleRemoval() {}

  static void delete(Path bundle) {
    Path real;
    try {
      real = bundle.toRealPath();
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot resolve bundle " + bundle, e);
    }
    for (Path mountPoint : mountPoints()) {
      if (mountPoint.startsWith(real)) {
        throw new EngineFault.Conflict(
            "cannot remove bundle " + bundle + ": " + mountPoint + " is still mounted");
      }
    }
    try {
      DirectoryTree.delete(real);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot remove bundle " + bundle + ": " + e.getMessage(), e);
    }
  }

  /** The engine's mount points, from {@code /proc/self/mountinfo} (field 5, octal-escaped). */
  private static List<Path> mountPoints() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(line -> line.split(" "))
          .filter(fields -> fields.length > 4)
          .map(fields -> Path.of(unescape(fields[4])))
          .toList();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read /proc/self/mountinfo", e);
    }
  }

  private static String unescape(String field) {
    var text = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}

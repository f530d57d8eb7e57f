package io.jcompose.engine.snapshot;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The mounts of this process's mount namespace, read from {@code /proc/self/mountinfo}. */
final class MountTable {

  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  private MountTable() {}

  /** One line of mountinfo: where, what file system, with which super-block options. */
  record Mount(Path mountPoint, String fileSystemType, String superOptions) {}

  static List<Mount> read() {
    try {
      return parse(Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + MOUNTINFO, e);
    }
  }

  static boolean isMountPoint(Path path) {
    return read().stream().anyMatch(mount -> mount.mountPoint().equals(path));
  }

  /**
   * Parses lines of the form {@code 36 35 98:0 /root /mnt/point rw,noatime master:1 - ext3
   * /dev/root rw,errors=continue}: field 5 is the mount point, then optional fields up to {@code
   * -}, then the file system type, the source and the super-block options.
   */
  static List<Mount> parse(List<String> lines) {
    var mounts = new ArrayList<Mount>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      int separator = List.of(fields).indexOf("-");
      if (fields.length < 5 || separator < 0 || fields.length < separator + 3) {
        continue;
      }
      String options = fields.length > separator + 3 ? fields[separator + 3] : "";
      mounts.add(
          new Mount(
              Path.of(unescape(fields[4])), unescape(fields[separator + 1]), unescape(options)));
    }
    return mounts;
  }

  /** The kernel writes space, tab, newline and backslash as {@code \ooo} octal escapes. */
  private static String unescape(String field) {
    var text = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char character = field.charAt(i);
      if (character == '\\' && isOctal(field, i + 1)) {
        text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        text.append(character);
      }
    }
    return text.toString();
  }

  private static boolean isOctal(String field, int start) {
    if (start + 3 > field.length()) {
      return false;
    }
    for (int i = start; i < start + 3; i++) {
      if (field.charAt(i) < '0' || field.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}

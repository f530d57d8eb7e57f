package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The changes an overlay upper directory holds, written as a docker layer tar: files, links,
 * devices and FIFOs as they are; an overlay whiteout (a character device 0/0) as {@code
 * DIR/.wh.NAME}; an opaque directory ({@code trusted.overlay.opaque=y}) followed by {@code
 * DIR/.wh..wh..opq}. Entries are sorted by name, so the same changes give the same tar, and a
 * directory comes before what it holds. The mount points the runtime adds to every container
 * ({@code /etc/hosts}, {@code /etc/resolv.conf}, {@code /etc/hostname}, {@code /dev}, {@code
 * /proc}, {@code /sys}) are left out, and so is a directory that held nothing else.
 */
public final class LayerDiff {

  /** Upper-dir paths that hold the runtime's mount points, never a step's changes. */
  static final Set<String> RUNTIME_MOUNT_POINTS =
      Set.of("etc/hosts", "etc/hostname", "etc/resolv.conf", "dev", "proc", "sys");

  private static final int TYPE_MASK = 0170000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int FIFO = 0010000;

  private final Path upper;
  private final Set<Path> opaqueDirectories;
  private final Set<String> leftOut;
  private final Map<String, String> linkedInodes = new HashMap<>();

  private LayerDiff(Path upper, Set<Path> opaqueDirectories, Set<String> leftOut) {
    this.upper = upper;
    this.opaqueDirectories = opaqueDirectories;
    this.leftOut = leftOut;
  }

  /**
   * Writes the layer tar of a container's upper directory to {@code out} (not closed), without the
   * runtime's mount points.
   *
   * @throws EngineFault.Internal when the directory cannot be read
   */
  public static void write(Path upper, OutputStream out) {
    write(upper, out, RUNTIME_MOUNT_POINTS);
  }

  /**
   * Writes the layer tar of an upper directory no container ran on (a COPY's overlay) to {@code
   * out} (not closed): everything in it, {@code /etc/hosts} and {@code /dev} included.
   *
   * @throws EngineFault.Internal when the directory cannot be read
   */
  public static void writeAll(Path upper, OutputStream out) {
    write(upper, out, Set.of());
  }

  private static void write(Path upper, OutputStream out, Set<String> leftOut) {
    try {
      var diff = new LayerDiff(upper, OpaqueDirectories.under(upper), leftOut);
      List<Change> changes = diff.collect(upper, "");
      var tar = new TarArchiveOutputStream(new NonClosing(out), "UTF-8");
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      for (Change change : changes) {
        diff.writeEntry(tar, change);
      }
      tar.finish();
      tar.close();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write the layer of " + upper, e);
    }
  }

  /** One path of the upper directory and how it goes into the tar. */
  private record Change(String name, Path path, boolean whiteout, boolean opaqueMarker) {}

  /** The changes under {@code directory} (whose name in the layer is {@code prefix}), in order. */
  private List<Change> collect(Path directory, String prefix) throws IOException {
    List<Path> children;
    try (Stream<Path> listing = Files.list(directory)) {
      children = listing.sorted().toList();
    }
    var changes = new ArrayList<Change>();
    if (opaqueDirectories.contains(directory)) {
      changes.add(new Change(prefix + ".wh..wh..opq", directory, false, true));
    }
    for (Path child : children) {
      String name = prefix + child.getFileName().toString();
      if (leftOut.contains(name)) {
        continue;
      }
      Map<String, Object> attributes = unixAttributes(child);
      int mode = (Integer) attributes.get("mode");
      if ((mode & TYPE_MASK) == CHARACTER_DEVICE && (Long) attributes.get("rdev") == 0) {
        changes.add(
            new Change(prefix + ".wh." + child.getFileName().toString(), child, true, false));
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        List<Change> inside = collect(child, name + "/");
        boolean empty;
        try (Stream<Path> listing = Files.list(child)) {
          empty = listing.findAny().isEmpty();
        }
        if (empty || !inside.isEmpty()) {
          changes.add(new Change(name + "/", child, false, false));
          changes.addAll(inside);
        }
      } else {
        changes.add(new Change(name, child, false, false));
      }
    }
    return changes;
  }

  private void writeEntry(TarArchiveOutputStream tar, Change change) throws IOException {
    if (change.whiteout() || change.opaqueMarker()) {
      var entry = new TarArchiveEntry(change.name());
      entry.setMode(0100000 | (change.opaqueMarker() ? 0755 : 0644));
      entry.setSize(0);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return;
    }
    Path path = change.path();
    Map<String, Object> attributes = unixAttributes(path);
    int mode = (Integer) attributes.get("mode");
    int type = mode & TYPE_MASK;
    TarArchiveEntry entry;
    boolean content = false;
    if (Files.isSymbolicLink(path)) {
      entry = new TarArchiveEntry(change.name(), TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(change.name());
    } else if (type == CHARACTER_DEVICE || type == BLOCK_DEVICE) {
      entry =
          new TarArchiveEntry(
              change.name(), type == CHARACTER_DEVICE ? TarConstants.LF_CHR : TarConstants.LF_BLK);
      long rdev = (Long) attributes.get("rdev");
      entry.setDevMajor((int) (((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL)));
      entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >> 12) & ~0xffL)));
    } else if (type == FIFO) {
      entry = new TarArchiveEntry(change.name(), TarConstants.LF_FIFO);
    } else {
      String inode = attributes.get("dev") + ":" + attributes.get("ino");
      String first =
          (Integer) attributes.get("nlink") > 1
              ? linkedInodes.putIfAbsent(inode, change.name())
              : null;
      if (first != null) {
        entry = new TarArchiveEntry(change.name(), TarConstants.LF_LINK);
        entry.setLinkName(first);
      } else {
        entry = new TarArchiveEntry(change.name());
        entry.setSize((Long) attributes.get("size"));
        content = true;
      }
    }
    entry.setMode(mode);
    entry.setIds((Integer) attributes.get("uid"), (Integer) attributes.get("gid"));
    entry.setModTime(((FileTime) attributes.get("lastModifiedTime")).toMillis());
    tar.putArchiveEntry(entry);
    if (content) {
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }

  private static Map<String, Object> unixAttributes(Path path) throws IOException {
    return Files.readAttributes(
        path,
        "unix:mode,uid,gid,ino,dev,rdev,nlink,size,lastModifiedTime",
        LinkOption.NOFOLLOW_LINKS);
  }

  /** The directories under a root marked opaque, read with one {@code getfattr} run. */
  static final class OpaqueDirectories {
    private OpaqueDirectories() {}

    static Set<Path> under(Path root) {
      HostCommand.Result result =
          HostCommand.run(
              HostCommand.require("getfattr", "attr").toString(),
              "-R",
              "-P",
              "-h",
              "--absolute-names",
              "-d",
              "-e",
              "text",
              "-m",
              "^trusted\\.overlay\\.opaque$",
              root.toString());
      var opaque = new HashSet<Path>();
      String file = null;
      for (String line : result.stdout().split("\n")) {
        if (line.startsWith("# file: ")) {
          file = unescape(line.substring("# file: ".length()));
        } else if (file != null && line.equals("trusted.overlay.opaque=\"y\"")) {
          opaque.add(Path.of(file));
        }
      }
      return opaque;
    }

    /** getfattr writes unusual bytes of a name as {@code \ooo} octal escapes. */
    static String unescape(String text) {
      var bytes = new ByteArrayOutputStream();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\'
            && i + 3 < text.length() + 0
            && text.substring(i + 1, i + 4).matches("[0-7]{3}")) {
          bytes.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
          i += 3;
        } else {
          byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
          bytes.write(encoded, 0, encoded.length);
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Lets the tar stream finish without closing the caller's stream. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

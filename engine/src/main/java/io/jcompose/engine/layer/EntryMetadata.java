package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Ownership, mode, times and extended attributes of one tar entry, applied in the order that keeps
 * them: {@code lchown} first (it clears setuid and setgid), then the mode, then the times; the
 * extended attributes from PAX {@code SCHILY.xattr.*} records. Symbolic links are never followed.
 */
record EntryMetadata(
    long userId,
    long groupId,
    int mode,
    FileTime modificationTime,
    FileTime accessTime,
    Map<String, String> xattrs) {

  private static final String XATTR_PREFIX = "SCHILY.xattr.";

  /** What a node is, which decides how its metadata can be set without opening or following it. */
  enum Kind {
    DIRECTORY,
    REGULAR_FILE,
    SYMBOLIC_LINK,
    /** devices and FIFOs: opening one to set its times would block or touch the device */
    SPECIAL
  }

  EntryMetadata {
    xattrs = Map.copyOf(xattrs);
  }

  static EntryMetadata of(TarArchiveEntry entry) {
    var xattrs = new TreeMap<String, String>();
    entry
        .getExtraPaxHeaders()
        .forEach(
            (key, value) -> {
              if (key.startsWith(XATTR_PREFIX)) {
                xattrs.put(key.substring(XATTR_PREFIX.length()), value);
              }
            });
    FileTime modified = entry.getLastModifiedTime();
    FileTime accessed = entry.getLastAccessTime();
    if (accessed == null || accessed.compareTo(modified) < 0) {
      accessed = modified;
    }
    return new EntryMetadata(
        entry.getLongUserId(),
        entry.getLongGroupId(),
        entry.getMode() & 07777,
        modified,
        accessed,
        xattrs);
  }

  void applyTo(Path path, Kind kind) throws IOException {
    Files.setAttribute(path, "unix:uid", toId(userId), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", toId(groupId), LinkOption.NOFOLLOW_LINKS);
    switch (kind) {
      case DIRECTORY, REGULAR_FILE -> {
        // opened with O_NOFOLLOW for fchmod and futimens
        Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        times(path);
      }
      case SYMBOLIC_LINK -> times(path); // a link's own mode means nothing on Linux
      case SPECIAL -> {
        // chmod(2) by path: the node was just created here, so the path is not a link
        Files.setAttribute(path, "unix:mode", mode);
        HostNodes.setModificationTime(path, modificationTime);
      }
    }
    for (Map.Entry<String, String> xattr : xattrs.entrySet()) {
      if (isAllowed(xattr.getKey()) && xattr.getValue().indexOf('\uFFFD') < 0) {
        HostNodes.setXattr(path, xattr.getKey(), xattr.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Which attributes a layer may set. {@code trusted.overlay.*} is overlayfs's own state (opaque
   * dirs, redirects, metacopy): only the unpacker's whiteout conversion writes it, never an image.
   */
  static boolean isAllowed(String name) {
    if (name.startsWith("trusted.overlay.")) {
      return false;
    }
    return name.startsWith("user.")
        || name.startsWith("security.")
        || name.startsWith("trusted.")
        || name.equals("system.posix_acl_access")
        || name.equals("system.posix_acl_default");
  }

  private void times(Path path) throws IOException {
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(modificationTime, accessTime, null);
  }

  private static int toId(long id) {
    if (id < 0 || id > 0xFFFF_FFFEL) {
      throw new EngineFault.InvalidArgument("layer entry owner id " + id + " is out of range");
    }
    return (int) id;
  }
}

package io.jcompose.engine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a path of a container as a tar, as {@code GET /containers/{id}/archive} does: the entries
 * are named after the path's last component ({@code etc/}, {@code etc/hostname}); directories are
 * walked through the mounts below them; links are stored, never followed; a file with several names
 * is stored once and then as hard links; sockets are left out.
 */
public final class PathArchive {

  private final ContainerFileSystem files;
  private final Map<String, String> firstNames = new HashMap<>();

  private PathArchive(ContainerFileSystem files) {
    this.files = files;
  }

  /**
   * @param containerPath resolved but for its last component, which is stored as it is (a link
   *     stays a link)
   */
  public static void write(ContainerFileSystem files, String containerPath, OutputStream out)
      throws IOException {
    ContainerFileSystem.Location location = files.resolveParentLinks(containerPath);
    String name = containerPath.endsWith("/.") ? "." : location.name();
    if (name.equals("/")) {
      name = ".";
    }
    var tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    new PathArchive(files)
        .add(tar, ContainerPath.components(location.containerPath()), location.hostPath(), name);
    tar.finish();
    tar.flush();
  }

  private void add(TarArchiveOutputStream tar, List<String> components, Path host, String name)
      throws IOException {
    Map<String, Object> attributes =
        Files.readAttributes(
            host,
            "unix:mode,uid,gid,size,lastModifiedTime,ino,dev,nlink,rdev",
            LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) attributes.get("mode");
    int type = mode & 0170000;
    if (type == 0140000) {
      return;
    }
    TarArchiveEntry entry;
    boolean copyContent = false;
    if (type == 0040000) {
      entry = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
    } else if (type == 0120000) {
      entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(host).toString());
    } else if (type == 0020000 || type == 0060000) {
      entry =
          new TarArchiveEntry(name, type == 0020000 ? TarConstants.LF_CHR : TarConstants.LF_BLK);
      long device = (Long) attributes.get("rdev");
      entry.setDevMajor((int) (((device >> 8) & 0xfff) | ((device >> 32) & 0xfffff000L)));
      entry.setDevMinor((int) ((device & 0xff) | ((device >> 12) & 0xffffff00L)));
    } else if (type == 0010000) {
      entry = new TarArchiveEntry(name, TarConstants.LF_FIFO);
    } else {
      String key = attributes.get("dev") + ":" + attributes.get("ino");
      String first =
          (Integer) attributes.get("nlink") > 1 ? firstNames.putIfAbsent(key, name) : null;
      if (first != null) {
        entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
        entry.setLinkName(first);
      } else {
        entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
        entry.setSize((Long) attributes.get("size"));
        copyContent = true;
      }
    }
    entry.setMode(mode & 07777);
    entry.setUserId((Integer) attributes.get("uid"));
    entry.setGroupId((Integer) attributes.get("gid"));
    entry.setModTime(((FileTime) attributes.get("lastModifiedTime")).toMillis());
    tar.putArchiveEntry(entry);
    if (copyContent) {
      try (InputStream content = Files.newInputStream(host, LinkOption.NOFOLLOW_LINKS)) {
        copy(content, tar, entry.getSize());
      }
    }
    tar.closeArchiveEntry();
    if (type == 0040000) {
      for (String child : children(components, host)) {
        var childComponents = new ArrayList<>(components);
        childComponents.add(child);
        Path childHost = files.locate(childComponents).hostPath();
        if (ContainerFileSystem.exists(childHost)) {
          add(tar, childComponents, childHost, name + "/" + child);
        }
      }
    }
  }

  private TreeSet<String> children(List<String> components, Path host) throws IOException {
    var names = new TreeSet<String>(files.mountNamesUnder(ContainerPath.join(components)));
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(host)) {
      for (Path child : listing) {
        names.add(child.getFileName().toString());
      }
    }
    return names;
  }

  /** Copies exactly {@code size} bytes (a file that shrank meanwhile is padded with zeros). */
  private static void copy(InputStream content, OutputStream tar, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int count = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (count < 0) {
        java.util.Arrays.fill(buffer, (byte) 0);
        while (left > 0) {
          int chunk = (int) Math.min(buffer.length, left);
          tar.write(buffer, 0, chunk);
          left -= chunk;
        }
        return;
      }
      tar.write(buffer, 0, count);
      left -= count;
    }
  }
}

package io.jcompose.engine.archive;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.layer.Decompression;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a tar into a directory of a container ({@code PUT /containers/{id}/archive}). Every
 * entry stays below the directory: names are cleaned ({@code /a} is {@code a}), a name or a hard
 * link that climbs out with {@code ..} is refused, each entry's parent is resolved as the container
 * sees it (so a link stored by an earlier entry leads to a place inside the container, never on the
 * host), and an existing entry is replaced, never written through. Devices, pipes and sockets are
 * left out. The tar may be gzip- or bzip2-compressed (docker-java sends it gzipped), as dockerd
 * accepts.
 */
public final class ArchiveExtraction {

  /**
   * How to extract.
   *
   * @param noOverwriteDirNonDir refuse to replace a directory with a non-directory or the other way
   * @param owner {@code uid:gid} for every entry; empty keeps the archive's owners
   */
  public record Options(boolean noOverwriteDirNonDir, Optional<long[]> owner) {}

  private final ContainerFileSystem files;
  private final List<String> target;
  private final Options options;
  private final Map<Path, TarArchiveEntry> directories = new LinkedHashMap<>();

  private ArchiveExtraction(ContainerFileSystem files, List<String> target, Options options) {
    this.files = files;
    this.target = target;
    this.options = options;
  }

  /**
   * @param directory the container directory to extract into, resolved
   * @throws EngineFault.InvalidArgument for an entry that leaves the directory, or a conflict
   *     {@code noOverwriteDirNonDir} forbids
   * @throws EngineFault.Forbidden for a place on a read-only mount
   */
  public static void extract(
      ContainerFileSystem files, String directory, InputStream tar, Options options)
      throws IOException {
    var extraction = new ArchiveExtraction(files, ContainerPath.components(directory), options);
    var entries = new TarArchiveInputStream(Decompression.open(tar));
    TarArchiveEntry entry;
    while ((entry = entries.getNextEntry()) != null) {
      extraction.apply(entry, entries);
    }
    extraction.finishDirectories();
  }

  private void apply(TarArchiveEntry entry, InputStream content) throws IOException {
    if (entry.isGlobalPaxHeader()) {
      return;
    }
    List<String> name = contained(entry.getName(), entry.getName());
    if (name.isEmpty()) {
      return;
    }
    List<String> parent = ensureDirectory(name.subList(0, name.size() - 1));
    var path = new ArrayList<>(parent);
    path.add(name.get(name.size() - 1));
    ContainerFileSystem.Location location = files.locate(path);
    if (location.readOnly()) {
      throw new EngineFault.Forbidden(
          "cannot write " + location.containerPath() + ": it is on a read-only mount");
    }
    Path host = location.hostPath();
    boolean exists = ContainerFileSystem.exists(host);
    boolean isDirectory = Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS);
    if (exists && options.noOverwriteDirNonDir()) {
      if (isDirectory && !entry.isDirectory()) {
        throw new EngineFault.InvalidArgument(
            "cannot overwrite directory \""
                + location.containerPath()
                + "\" with non-directory \""
                + entry.getName()
                + "\"");
      }
      if (!isDirectory && entry.isDirectory()) {
        throw new EngineFault.InvalidArgument(
            "cannot overwrite non-directory \""
                + location.containerPath()
                + "\" with directory \""
                + entry.getName()
                + "\"");
      }
    }
    if (exists && !(isDirectory && entry.isDirectory())) {
      DirectoryTree.delete(host);
    }
    if (entry.isDirectory()) {
      if (!isDirectory) {
        Files.createDirectory(host);
      }
      directories.put(host, entry);
      return;
    }
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(host, Path.of(entry.getLinkName()));
      own(host, entry);
      return;
    }
    if (entry.isLink()) {
      List<String> linked = contained(entry.getLinkName(), entry.getName());
      ContainerFileSystem.Location existing =
          files.resolveParentLinks(ContainerPath.join(concat(target, linked)));
      if (!Files.isRegularFile(existing.hostPath(), LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(
            "hard link "
                + entry.getName()
                + " names "
                + entry.getLinkName()
                + ", which is no file extracted before it");
      }
      Files.createLink(host, existing.hostPath());
      return;
    }
    if (!entry.isFile()) {
      return;
    }
    try (OutputStream out =
        Files.newOutputStream(
            host,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      content.transferTo(out);
    }
    own(host, entry);
    Files.setPosixFilePermissions(host, permissions(entry.getMode()));
    Files.setLastModifiedTime(host, FileTime.from(entry.getModTime().toInstant()));
  }

  /** Makes the directories of an entry's parent as the container resolves them; returns it. */
  private List<String> ensureDirectory(List<String> relative) throws IOException {
    List<String> current = target;
    for (String component : relative) {
      ContainerFileSystem.Location location =
          files.resolve(ContainerPath.join(concat(current, List.of(component))));
      Path host = location.hostPath();
      if (!ContainerFileSystem.exists(host)) {
        if (location.readOnly()) {
          throw new EngineFault.Forbidden(
              "cannot write " + location.containerPath() + ": it is on a read-only mount");
        }
        // every component of the resolved place is a directory or missing: no link is followed
        Files.createDirectories(host);
      } else if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(
            location.containerPath() + " is not a directory in the container");
      }
      current = ContainerPath.components(location.containerPath());
    }
    return current;
  }

  /** Directory metadata last: entries written into a directory change its time. */
  private void finishDirectories() throws IOException {
    for (Map.Entry<Path, TarArchiveEntry> directory : directories.entrySet()) {
      Path host = directory.getKey();
      TarArchiveEntry entry = directory.getValue();
      if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      own(host, entry);
      Files.setPosixFilePermissions(host, permissions(entry.getMode()));
      Files.setLastModifiedTime(host, FileTime.from(entry.getModTime().toInstant()));
    }
  }

  private void own(Path host, TarArchiveEntry entry) throws IOException {
    long uid = options.owner().map(owner -> owner[0]).orElse(entry.getLongUserId());
    long gid = options.owner().map(owner -> owner[1]).orElse(entry.getLongGroupId());
    Files.setAttribute(host, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(host, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The entry's components below the target; {@code ..} may go up only within what the name built.
   *
   * @throws EngineFault.InvalidArgument for a name that leaves the target
   */
  private static List<String> contained(String name, String entryName) {
    var components = new ArrayList<String>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (components.isEmpty()) {
          throw new EngineFault.InvalidArgument(
              "archive entry \"" + entryName + "\" is outside of the destination directory");
        }
        components.remove(components.size() - 1);
        continue;
      }
      components.add(part);
    }
    return components;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    var all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    var permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    return permissions;
  }
}

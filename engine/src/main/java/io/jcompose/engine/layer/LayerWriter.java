package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the entries of one layer tar into a layer directory, converting docker's whiteout files
 * into overlayfs whiteouts. Every entry's parent must be a real directory inside the layer (missing
 * ones are created), so a symbolic link stored by an earlier entry can never be written through;
 * regular files are created exclusively; links are stored, never followed; directory metadata is
 * applied at the end, once no later entry can change the directory.
 */
final class LayerWriter {

  private static final String WHITEOUT_PREFIX = ".wh.";
  private static final String OPAQUE_MARKER = ".wh..wh..opq";
  private static final String OPAQUE_XATTR = "trusted.overlay.opaque";

  private final Path root;
  private final Map<EntryName, EntryMetadata> directoryMetadata = new LinkedHashMap<>();
  private long size;

  LayerWriter(Path root) {
    this.root = root;
  }

  /** Bytes of regular-file content written so far. */
  long size() {
    return size;
  }

  void apply(TarArchiveEntry entry, InputStream content) throws IOException {
    if (entry.isGlobalPaxHeader()) {
      return;
    }
    EntryName name = EntryName.parse(entry.getName(), "layer entry");
    if (name.isRoot()) {
      if (!entry.isDirectory()) {
        throw EntryName.refused(
            "layer entry", entry.getName(), "the layer root must be a directory");
      }
      directoryMetadata.put(name, EntryMetadata.of(entry));
      return;
    }
    if (name.components().get(0).startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)
        && !name.components().get(0).equals(OPAQUE_MARKER)) {
      return; // aufs bookkeeping at the top (.wh..wh.plnk/, .wh..wh.aufs): not layer content
    }
    Path parent = ensureDirectory(name.parent(), entry.getName());
    String fileName = name.fileName();
    if (fileName.startsWith(WHITEOUT_PREFIX)) {
      whiteout(name, parent, entry.getName());
      return;
    }
    Path target = parent.resolve(fileName);
    if (entry.isDirectory()) {
      if (!isRealDirectory(target)) {
        DirectoryTree.delete(target);
        Files.createDirectory(target);
      }
      directoryMetadata.put(name, EntryMetadata.of(entry));
    } else if (entry.isSymbolicLink()) {
      symbolicLink(entry, target);
    } else if (entry.isLink()) {
      hardLink(entry, name, target);
    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      special(entry, target);
    } else if (isRegularFile(entry)) {
      regularFile(entry, content, target);
    } else {
      throw EntryName.refused(
          "layer entry",
          entry.getName(),
          "its type '" + (char) entry.getLinkFlag() + "' is not supported");
    }
  }

  /** Applies the deferred directory metadata, skipping directories a later entry replaced. */
  void finish() throws IOException {
    for (Map.Entry<EntryName, EntryMetadata> directory : directoryMetadata.entrySet()) {
      Optional<Path> path = existingRealDirectory(directory.getKey());
      if (path.isPresent()) {
        directory.getValue().applyTo(path.get(), EntryMetadata.Kind.DIRECTORY);
      }
    }
  }

  private void whiteout(EntryName name, Path parent, String rawName) throws IOException {
    String fileName = name.fileName();
    if (fileName.equals(OPAQUE_MARKER)) {
      HostNodes.setXattr(parent, OPAQUE_XATTR, new byte[] {'y'});
      return;
    }
    if (fileName.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      return; // aufs bookkeeping (.wh..wh.plnk, .wh..wh.aufs): nothing to write for overlayfs
    }
    String hidden = fileName.substring(WHITEOUT_PREFIX.length());
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw EntryName.refused("layer entry", rawName, "it is a whiteout of no file");
    }
    Path target = parent.resolve(hidden);
    DirectoryTree.delete(target);
    HostNodes.characterDevice(target, 0, 0);
  }

  private void symbolicLink(TarArchiveEntry entry, Path target) throws IOException {
    String linkName = entry.getLinkName();
    if (linkName.isEmpty() || linkName.indexOf('\0') >= 0) {
      throw EntryName.refused("layer entry", entry.getName(), "a symbolic link needs a target");
    }
    DirectoryTree.delete(target);
    Files.createSymbolicLink(target, Path.of(linkName));
    EntryMetadata.of(entry).applyTo(target, EntryMetadata.Kind.SYMBOLIC_LINK);
  }

  /** A hard link may only join an entry written earlier into this same layer. */
  private void hardLink(TarArchiveEntry entry, EntryName name, Path target) throws IOException {
    EntryName targetName = EntryName.parse(entry.getLinkName(), "hard link target");
    if (targetName.equals(name)) {
      return;
    }
    Path existing =
        existingRealParent(targetName)
            .map(parent -> parent.resolve(targetName.fileName()))
            .filter(path -> attributes(path).map(a -> !a.isDirectory()).orElse(false))
            .orElseThrow(
                () ->
                    EntryName.refused(
                        "hard link",
                        entry.getName(),
                        "its target \""
                            + entry.getLinkName()
                            + "\" is not a file written earlier in this layer"));
    DirectoryTree.delete(target);
    Files.createLink(target, existing);
  }

  private void special(TarArchiveEntry entry, Path target) throws IOException {
    DirectoryTree.delete(target);
    if (entry.isFIFO()) {
      HostNodes.fifo(target);
    } else if (entry.isCharacterDevice()) {
      HostNodes.characterDevice(target, entry.getDevMajor(), entry.getDevMinor());
    } else {
      HostNodes.blockDevice(target, entry.getDevMajor(), entry.getDevMinor());
    }
    EntryMetadata.of(entry).applyTo(target, EntryMetadata.Kind.SPECIAL);
  }

  private void regularFile(TarArchiveEntry entry, InputStream content, Path target)
      throws IOException {
    DirectoryTree.delete(target);
    try (FileChannel file =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      size += content.transferTo(Channels.newOutputStream(file));
    }
    EntryMetadata.of(entry).applyTo(target, EntryMetadata.Kind.REGULAR_FILE);
  }

  /**
   * The directory {@code name} as a real directory inside the layer: each component must be a
   * directory and not a link; missing ones are created.
   */
  private Path ensureDirectory(EntryName name, String rawName) throws IOException {
    Path path = root;
    for (String component : name.components()) {
      path = path.resolve(component);
      Optional<BasicFileAttributes> attributes = attributes(path);
      if (attributes.isEmpty()) {
        Files.createDirectory(path);
        Files.setAttribute(path, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
      } else if (!attributes.get().isDirectory()) {
        throw EntryName.refused(
            "layer entry",
            rawName,
            root.relativize(path)
                + " is "
                + (attributes.get().isSymbolicLink() ? "a symbolic link" : "not a directory")
                + ", and nothing is written through it");
      }
    }
    return path;
  }

  /** The parent directory of {@code name} when every component exists as a real directory. */
  private Optional<Path> existingRealParent(EntryName name) {
    return name.isRoot() ? Optional.empty() : existingRealDirectory(name.parent());
  }

  private Optional<Path> existingRealDirectory(EntryName name) {
    Path path = root;
    for (String component : name.components()) {
      path = path.resolve(component);
      if (!isRealDirectory(path)) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  private static boolean isRealDirectory(Path path) {
    return attributes(path).map(BasicFileAttributes::isDirectory).orElse(false);
  }

  /** The attributes of {@code path} itself (never of a link's target), if it exists. */
  private static Optional<BasicFileAttributes> attributes(Path path) {
    try {
      return Optional.of(
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read the attributes of " + path, e);
    }
  }

  private static boolean isRegularFile(TarArchiveEntry entry) {
    return entry.isFile()
        || entry.getLinkFlag() == TarConstants.LF_CONTIG
        || entry.getLinkFlag() == TarConstants.LF_GNUTYPE_SPARSE;
  }
}

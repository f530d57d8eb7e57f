package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Extracts a tar below a directory without ever writing outside it: names are cleaned and a name
 * climbing out with {@code ..} is refused, links are stored as links and never written through, a
 * hard link may only join a file extracted before it, an existing entry is replaced (a directory
 * merged). Into a build context, an entry below a stored link and a device are refused; into an
 * image (ADD of a local tar), the places are resolved as the image sees them ({@link
 * DestinationTree}), owners are kept, and devices, pipes and whiteout-named files are plain entries
 * or left out as docker's extraction leaves them.
 */
final class TarExtraction {

  private final DestinationTree tree;
  private final boolean keepOwners;
  private final String what;

  /**
   * The directory entries, by name, with the host path each was extracted to: their metadata is
   * applied after the whole tar (so a later entry below one does not change its time), and only
   * where the name still resolves to that same real directory.
   */
  private final Map<TreePath, Extracted> directories = new LinkedHashMap<>();

  private record Extracted(Path host, TarArchiveEntry entry) {}

  private TarExtraction(DestinationTree tree, boolean keepOwners, String what) {
    this.tree = tree;
    this.keepOwners = keepOwners;
    this.what = what;
  }

  /** Extracts a build context (compressed or not) into the empty directory {@code root}. */
  static void context(InputStream body, Path root) {
    try (var raw = new EndWatch(TarStreams.uncompressed(body));
        var tar = new TarArchiveInputStream(raw, "UTF-8")) {
      new TarExtraction(DestinationTree.confined(root), false, "build context entry").run(tar, raw);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "the build context is not a valid tar stream: " + e.getMessage(), e);
    }
  }

  /**
   * Extracts the tar {@code archive} (ADD's source {@code source}) into {@code tree}.
   *
   * @throws EngineFault.InvalidArgument for a hostile entry or a tar that cannot be read through
   */
  static void intoImage(Path archive, DestinationTree tree, String source) {
    try (var tar =
        new TarArchiveInputStream(TarStreams.uncompressed(Files.newInputStream(archive)))) {
      new TarExtraction(tree, true, "entry of " + source).run(tar);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "ADD failed: cannot extract " + source + ": " + e.getMessage(), e);
    }
  }

  private void run(TarArchiveInputStream tar) throws IOException {
    run(tar, null);
  }

  /**
   * @param end given for a build context: the docker CLI's {@code build -f- DIR} ends its tar right
   *     after the last entry's content, without padding or end-of-archive blocks (Go's reader and
   *     dockerd accept that); a stream that ends there ends the archive. A cut inside an entry's
   *     content is still an error.
   */
  private void run(TarArchiveInputStream tar, EndWatch end) throws IOException {
    TarArchiveEntry entry;
    while ((entry = next(tar, end)) != null) {
      apply(entry, tar);
      tar.skip(Long.MAX_VALUE);
    }
    for (Map.Entry<TreePath, Extracted> directory : directories.entrySet()) {
      // a later entry may have replaced a parent with a link: resolved again, the name must lead
      // through real directories to the very directory extracted, never through the link
      Path host = directory.getValue().host();
      Optional<Path> now = tree.existingDirectory(directory.getKey());
      if (now.isPresent() && now.get().equals(host)) {
        metadata(host, directory.getValue().entry());
      }
    }
  }

  private static TarArchiveEntry next(TarArchiveInputStream tar, EndWatch end) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      if (end != null && end.ended()) {
        return null;
      }
      throw e;
    }
  }

  /** Remembers whether the stream below the tar reader reached its end. */
  private static final class EndWatch extends FilterInputStream {
    private boolean ended;

    EndWatch(InputStream in) {
      super(in);
    }

    boolean ended() {
      return ended;
    }

    @Override
    public int read() throws IOException {
      int read = super.read();
      ended |= read < 0;
      return read;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int read = super.read(bytes, offset, length);
      ended |= read < 0;
      return read;
    }
  }

  private void apply(TarArchiveEntry entry, InputStream content) throws IOException {
    if (entry.isGlobalPaxHeader()) {
      return;
    }
    TreePath name = TreePath.clean(entry.getName()).orElseThrow(() -> refused(entry, "it leaves"));
    if (name.isRoot()) {
      return; // the directory extracted into keeps its own metadata, as dockerd's untar does
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      if (tree.confined()) {
        throw refused(entry, "devices and pipes have no place in");
      }
      return;
    }
    Path parent = tree.directory(name.parent(), entry.getName());
    Path target = tree.inside(parent.resolve(name.fileName()));
    boolean isDirectory = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
    if (!(isDirectory && entry.isDirectory())) {
      directories.values().removeIf(directory -> directory.host().startsWith(target));
      DirectoryTree.delete(target);
    }
    if (entry.isDirectory()) {
      if (!isDirectory) {
        Files.createDirectory(target);
      }
      directories.put(name, new Extracted(target, entry));
    } else if (entry.isSymbolicLink()) {
      String linkName = entry.getLinkName();
      if (linkName.isEmpty() || linkName.indexOf('\0') >= 0) {
        throw refused(entry, "a symbolic link needs a target in");
      }
      Files.createSymbolicLink(target, Path.of(linkName));
      owners(target, entry);
    } else if (entry.isLink()) {
      TreePath linked =
          TreePath.clean(entry.getLinkName())
              .orElseThrow(() -> refused(entry, "its hard link target leaves"));
      Path existing = tree.existingFile(linked);
      if (existing == null) {
        throw refused(entry, "its hard link target is no file extracted before it in");
      }
      Files.createLink(target, existing);
    } else if (entry.isFile() || entry.getLinkFlag() == TarConstants.LF_CONTIG) {
      try (OutputStream out =
          Files.newOutputStream(
              target,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        content.transferTo(out);
      }
      metadata(target, entry);
    } else if (tree.confined()) {
      throw refused(entry, "its type '" + (char) entry.getLinkFlag() + "' has no place in");
    }
  }

  private void metadata(Path path, TarArchiveEntry entry) throws IOException {
    owners(path, entry);
    Files.setAttribute(path, "unix:mode", entry.getMode() & 07777, LinkOption.NOFOLLOW_LINKS);
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(entry.getLastModifiedTime(), null, null);
  }

  private void owners(Path path, TarArchiveEntry entry) throws IOException {
    if (keepOwners) {
      Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
    }
  }

  private EngineFault.InvalidArgument refused(TarArchiveEntry entry, String reason) {
    String where = tree.confined() ? "the build context" : "the destination directory";
    return new EngineFault.InvalidArgument(
        what + " \"" + entry.getName() + "\" is refused: " + reason + " " + where);
  }
}

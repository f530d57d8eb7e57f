package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.host.RootedPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a prepared COPY/ADD into a step's root, as dockerd's classic builder does: a directory
 * source's contents merge into the destination directory (created 0755, owned by the chown owner
 * when new; its missing parents owned by root), a file goes into a destination ending in {@code /}
 * or naming an existing directory, else becomes the destination (missing parents created, owned by
 * the chown owner); modes and times are kept, {@code --chmod} replaces the modes, owners are the
 * chown owner (root by default); files hard-linked in a source directory stay linked (busybox's
 * applets are one file). The destination is resolved inside the root ({@link RootedPath}); below
 * it, existing entries are replaced, never written through.
 */
final class CopyWriter {

  private final Path root;
  private final PreparedCopy.Step step;
  private final Owner owner;

  /** Files written from sources with several links, by source inode: written once, then linked. */
  private final Map<Object, Path> linkedFiles = new HashMap<>();

  CopyWriter(Path root, PreparedCopy.Step step, Owner owner) {
    this.root = root;
    this.step = step;
    this.owner = owner;
  }

  void write() throws IOException {
    TreePath destination = TreePath.cleanWithin(step.destination());
    for (CopySource source : step.sources()) {
      if (source instanceof CopySource.Directory directory) {
        copyDirectory(directory, destination);
      } else if (source instanceof CopySource.Archive archive) {
        Path target = tree(Owner.ROOT).directory(destination, step.destination());
        var into = DestinationTree.image(root, relative(target), Optional.of(Owner.ROOT));
        TarExtraction.intoImage(archive.host(), into, archive.name());
      } else if (source instanceof CopySource.File file) {
        Path target = fileTarget(destination, file.name());
        writeFile(
            target,
            Files.newInputStream(file.host()),
            mode(file.host()),
            Optional.of(Files.getLastModifiedTime(file.host())));
      } else if (source instanceof CopySource.Inline inline) {
        Path target = fileTarget(destination, inline.name());
        writeFile(target, new ByteArrayInputStream(inline.content()), 0644, Optional.empty());
      } else if (source instanceof CopySource.Download download) {
        Path target = fileTarget(destination, download.name());
        writeFile(target, Files.newInputStream(download.file()), 0600, download.modified());
      }
    }
  }

  private void copyDirectory(CopySource.Directory source, TreePath destination) throws IOException {
    Path target = RootedPath.inRoot(root, destination.components());
    requireInsideRoot(target);
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(
            step.command()
                + " failed: cannot copy a directory to "
                + step.destination()
                + ": it exists and is not a directory");
      }
      TreePath resolved = relative(target);
      tree(Owner.ROOT).directory(resolved.parent(), step.destination());
      Files.createDirectory(target);
      Files.setAttribute(target, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
      owner.applyTo(target);
    }
    merge(source.host(), target);
  }

  /** Copies the entries of {@code from} into the real directory {@code to}. */
  private void merge(Path from, Path to) throws IOException {
    requireInsideRoot(to);
    List<Path> children;
    try (Stream<Path> entries = Files.list(from)) {
      children = entries.sorted().toList();
    }
    for (Path child : children) {
      Path out = to.resolve(child.getFileName().toString());
      BasicFileAttributes attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) {
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
          DirectoryTree.delete(out);
          Files.createDirectory(out);
        }
        merge(child, out);
        owner.applyTo(out);
        Files.setAttribute(
            out, "unix:mode", step.chmod().orElse(mode(child)), LinkOption.NOFOLLOW_LINKS);
        Files.getFileAttributeView(out, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(attributes.lastModifiedTime(), null, null);
      } else if (attributes.isSymbolicLink()) {
        DirectoryTree.delete(out);
        Files.createSymbolicLink(out, Files.readSymbolicLink(child));
        owner.applyTo(out);
        Files.getFileAttributeView(out, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(attributes.lastModifiedTime(), null, null);
      } else if (attributes.isRegularFile() && linkedFiles.containsKey(attributes.fileKey())) {
        DirectoryTree.delete(out); // a hard link of the source stays one, as dockerd's tar copy
        Files.createLink(out, linkedFiles.get(attributes.fileKey()));
      } else if (attributes.isRegularFile()) {
        if (attributes.fileKey() != null
            && (Integer) Files.getAttribute(child, "unix:nlink", LinkOption.NOFOLLOW_LINKS) > 1) {
          linkedFiles.put(attributes.fileKey(), out);
        }
        writeFile(
            out,
            Files.newInputStream(child, LinkOption.NOFOLLOW_LINKS),
            mode(child),
            Optional.of(attributes.lastModifiedTime()));
      }
      // devices, pipes and sockets of a tree are not copied
    }
  }

  /** Where a file source lands: into the destination directory, or as the destination. */
  private Path fileTarget(TreePath destination, String name) throws IOException {
    Path resolved = RootedPath.inRoot(root, destination.components());
    boolean into =
        step.destination().endsWith("/") || Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS);
    if (into) {
      if (name.isEmpty()) {
        throw new EngineFault.InvalidArgument(
            step.command() + " failed: cannot determine a file name in " + step.destination());
      }
      if (!isFileName(name)) {
        throw new EngineFault.InvalidArgument(
            step.command()
                + " failed: \""
                + name
                + "\" cannot be a file name in "
                + step.destination()
                + ": it is . or .., or holds a / or a NUL");
      }
      return tree(owner).directory(destination, step.destination()).resolve(name);
    }
    Path parent = tree(owner).directory(relative(resolved).parent(), step.destination());
    return parent.resolve(resolved.getFileName().toString());
  }

  /** Whether {@code name} names an entry of a directory, not the directory, its parent or below. */
  static boolean isFileName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\0') < 0;
  }

  /** Writes a file; without {@code modified} it keeps the time of its writing. */
  private void writeFile(Path target, InputStream content, int mode, Optional<FileTime> modified)
      throws IOException {
    try (content) {
      requireInsideRoot(target);
      DirectoryTree.delete(target);
      try (OutputStream out =
          Files.newOutputStream(
              target,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        content.transferTo(out);
      }
    }
    owner.applyTo(target);
    Files.setAttribute(target, "unix:mode", step.chmod().orElse(mode), LinkOption.NOFOLLOW_LINKS);
    if (modified.isPresent()) {
      Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(modified.get(), null, null);
    }
  }

  /** A last guard before anything is deleted or written: {@code target} is below the root. */
  private void requireInsideRoot(Path target) {
    Path inside = root.toAbsolutePath().normalize();
    if (!target.toAbsolutePath().normalize().startsWith(inside)) {
      throw new EngineFault.InvalidArgument(
          step.command()
              + " failed: refused to write outside the image's root for "
              + step.destination());
    }
  }

  private DestinationTree tree(Owner newDirectories) {
    return DestinationTree.image(root, TreePath.ROOT, Optional.of(newDirectories));
  }

  private TreePath relative(Path resolved) {
    Path relative = root.relativize(resolved);
    return relative.toString().isEmpty()
        ? TreePath.ROOT
        : new TreePath(List.of(relative.toString().split("/")));
  }

  private static int mode(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }
}

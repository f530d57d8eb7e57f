package io.jcompose.engine.build.context;

import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** A context directory, a step root and a scratch directory under one temporary directory. */
final class CopyFixture {

  static final FileTime MTIME = FileTime.from(Instant.parse("2021-02-03T04:05:06Z"));

  final Path context;
  final Path root;
  final Path scratch;

  CopyFixture(Path temporary) {
    try {
      context = Files.createDirectories(temporary.resolve("context"));
      root = Files.createDirectories(temporary.resolve("root"));
      scratch = Files.createDirectories(temporary.resolve("scratch"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The COPY or ADD instruction of {@code line} (e.g. {@code COPY a b /d/}), parsed. */
  static Instruction.Copy instruction(String line) {
    return (Instruction.Copy)
        Dockerfile.parse("FROM scratch\n" + line + "\n").stages().get(0).instructions().get(0);
  }

  /** Prepares {@code line} from the context with working directory {@code workdir}. */
  PreparedCopy prepare(String line, String workdir) {
    return FileCopies.prepare(instruction(line), SourceTree.context(context), workdir, scratch);
  }

  /** Prepares and applies {@code line} from the context to the root, working directory /. */
  PreparedCopy copy(String line) {
    PreparedCopy prepared = prepare(line, "/");
    prepared.applyTo(root);
    return prepared;
  }

  /** Writes a context file with mode 0644 and a fixed time, making its parents. */
  Path file(String relative, String content) {
    return file(context, relative, content, 0644);
  }

  static Path file(Path base, String relative, String content, int mode) {
    try {
      Path path = base.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
      Files.setAttribute(path, "unix:mode", mode);
      Files.setLastModifiedTime(path, MTIME);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path link(Path base, String relative, String target) {
    try {
      Path path = base.resolve(relative);
      Files.createDirectories(path.getParent());
      return Files.createSymbolicLink(path, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int mode(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String owner(Path path) {
    try {
      return Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)
          + ":"
          + Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

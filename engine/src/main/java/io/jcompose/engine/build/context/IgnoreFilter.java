package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes what a context's {@code .dockerignore} excludes out of the context, moving it to a side
 * directory (so the Dockerfile can still be read from there, as dockerd reads it before dropping
 * it). An excluded directory is moved whole unless a {@code !} pattern may re-include something
 * below it; then it is walked, and kept when something stays in it. The {@code .dockerignore}
 * itself stays until the Dockerfile was read.
 */
final class IgnoreFilter {

  static final String FILE_NAME = ".dockerignore";

  private final Path root;
  private final Path excluded;
  private final IgnoreRules rules;

  private IgnoreFilter(Path root, Path excluded, IgnoreRules rules) {
    this.root = root;
    this.excluded = excluded;
    this.rules = rules;
  }

  /** The rules of {@code root}'s {@code .dockerignore} (none when it has none). */
  static IgnoreRules rulesOf(Path root) {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return IgnoreRules.parse("");
    }
    try {
      return IgnoreRules.parse(Files.readString(file));
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument("cannot read the context's .dockerignore: " + e, e);
    }
  }

  /** Moves what {@code rules} exclude from {@code root} to {@code excluded}. */
  static void apply(Path root, IgnoreRules rules, Path excluded) {
    if (rules.isEmpty()) {
      return;
    }
    try {
      new IgnoreFilter(root, excluded, rules).filter(TreePath.ROOT);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot apply the context's .dockerignore", e);
    }
  }

  /** Filters the directory {@code directory}; returns whether something is left in it. */
  private boolean filter(TreePath directory) throws IOException {
    boolean kept = false;
    for (String name : children(directory.in(root))) {
      TreePath child = directory.child(name);
      Path path = child.in(root);
      boolean isDirectory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
      if (child.toString().equals(FILE_NAME) || !rules.excludes(child)) {
        if (isDirectory) {
          filter(child);
        }
        kept = true;
      } else if (isDirectory && rules.hasExceptions()) {
        if (filter(child)) {
          kept = true;
        } else {
          moveAside(child);
        }
      } else {
        moveAside(child);
      }
    }
    return kept;
  }

  private void moveAside(TreePath path) throws IOException {
    Path target = path.in(excluded);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      DirectoryTree.delete(path.in(root)); // an emptied directory whose content went first
      return;
    }
    Files.createDirectories(target.getParent());
    Files.move(path.in(root), target);
  }

  private static List<String> children(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}

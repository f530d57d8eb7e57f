package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what a COPY or ADD source names in its tree, as dockerd does: the path relative to the
 * tree's root (a leading {@code /} or {@code ./} dropped), links in it followed within the tree (so
 * a directly named link gives its target, under the link's own name), wildcards ({@code *}, {@code
 * ?}, {@code [...]}) matched one path component at a time. A build context refuses a path that
 * leaves it, by {@code ..} or through a link.
 */
final class SourceResolver {

  private final SourceTree tree;
  private final String command;
  private final boolean add;

  SourceResolver(SourceTree tree, String command, boolean add) {
    this.tree = tree;
    this.command = command;
    this.add = add;
  }

  /** The sources {@code source} names: one, or each wildcard match (maybe none). */
  List<CopySource> resolve(String source) {
    TreePath path =
        tree.confined()
            ? TreePath.clean(source).orElseThrow(() -> forbidden(source))
            : TreePath.cleanWithin(source);
    if (!GoPattern.hasWildcards(source)) {
      return List.of(single(path, source));
    }
    var sources = new ArrayList<CopySource>();
    for (TreePath match : matches(path)) {
      sources.add(single(match, match.toString()));
    }
    return sources;
  }

  private CopySource single(TreePath path, String source) {
    Path host = tree.locate(path).orElseThrow(() -> forbidden(source));
    String name = path.isRoot() ? "" : path.fileName();
    if (Files.isDirectory(host)) {
      return new CopySource.Directory(host, name, SourceDigest.directory(host));
    }
    if (Files.isRegularFile(host)) {
      if (add && TarStreams.isArchive(host)) {
        return new CopySource.Archive(host, name, SourceDigest.file(host));
      }
      return new CopySource.File(host, name, SourceDigest.file(host));
    }
    if (Files.exists(host)) {
      throw new EngineFault.InvalidArgument(
          command + " failed: " + path + " is not a regular file or a directory");
    }
    String stat = "stat " + path + ": file does not exist";
    throw new EngineFault.InvalidArgument(
        command
            + " failed: "
            + (tree.confined()
                ? "file not found in build context or excluded by .dockerignore: " + stat
                : stat));
  }

  /** The entries matching {@code pattern}, component by component, in lexical order. */
  private List<TreePath> matches(TreePath pattern) {
    List<TreePath> current = List.of(TreePath.ROOT);
    for (String component : pattern.components()) {
      var next = new ArrayList<TreePath>();
      Pattern matcher = GoPattern.compile(component, false);
      boolean literal = !GoPattern.hasWildcards(component);
      for (TreePath directory : current) {
        for (String name : children(directory)) {
          if (literal ? name.equals(unescaped(component)) : matcher.matcher(name).matches()) {
            next.add(directory.child(name));
          }
        }
      }
      current = next;
    }
    return current;
  }

  private List<String> children(TreePath directory) {
    Path host = tree.locate(directory).orElse(null);
    if (host == null || !Files.isDirectory(host)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(host)) {
      return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot list " + host, e);
    }
  }

  private static String unescaped(String component) {
    return component.replaceAll("\\\\(.)", "$1");
  }

  private EngineFault.InvalidArgument forbidden(String source) {
    return new EngineFault.InvalidArgument(
        command + " failed: forbidden path outside the build context: " + source + " ()");
  }
}

package io.jcompose.adapter;

import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context directory as the tar the classic builder reads: {@code .dockerignore}
 * applied (the Dockerfile and {@code .dockerignore} itself are always sent, as the docker CLI
 * does), symlinks stored as links and never followed, and a symlink that points outside the context
 * refused.
 *
 * <p>Named contexts sent as files go into the same tar under {@code .jcompose-contexts/<name>/}
 * (jcompose's wire form for the bundled engine), each with its own {@code .dockerignore}; one the
 * Dockerfile only copies literal paths from sends just those paths (and the symlinks met on the way
 * to them). The main context may then not hold {@code .jcompose-contexts} itself.
 */
final class BuildContext {

  /** The directory of the tar that holds the named contexts. */
  static final String NAMED_CONTEXTS = ".jcompose-contexts";

  private static final int MAX_SYMLINK_HOPS = 40;

  private final Path root;
  private final String dockerfile;

  /**
   * @param dockerfile the Dockerfile's path relative to the context
   */
  BuildContext(Path root, String dockerfile) {
    this.root = root.toAbsolutePath().normalize();
    this.dockerfile = dockerfile;
  }

  /**
   * A named context sent as files.
   *
   * @param root its directory, symlinks resolved
   * @param only the relative paths to send, or empty for everything
   */
  record NamedTree(String name, Path root, Optional<Set<String>> only) {
    NamedTree {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(only, "only");
      only = only.map(Set::copyOf);
    }
  }

  /**
   * @throws RuntimeFault.InvalidArgument when the context is not a directory or a symlink escapes
   */
  void writeTar(OutputStream target) throws IOException {
    writeTar(target, List.of());
  }

  /**
   * The context and the named contexts {@code named}.
   *
   * @throws RuntimeFault.InvalidArgument when a context is not a directory, a symlink escapes its
   *     context, or the main context holds {@code .jcompose-contexts} while named ones are sent
   */
  void writeTar(OutputStream target, List<NamedTree> named) throws IOException {
    requireDirectory(root, "the build context " + root);
    String alwaysSent = Path.of(dockerfile).normalize().toString().replace('\\', '/');
    try (var tar = new TarArchiveOutputStream(target)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      var entries = new ContextTar(tar);
      var main =
          new ContextTar.Tree(root, "", DockerIgnore.read(root), "the build context " + root);
      entries.addAll(
          main, Set.of(alwaysSent, ".dockerignore"), named.isEmpty() ? "" : NAMED_CONTEXTS);
      for (NamedTree context : named) {
        writeNamed(entries, context);
      }
      tar.finish();
    }
  }

  private static void writeNamed(ContextTar entries, NamedTree context) throws IOException {
    String description = "the named build context " + context.name() + " (" + context.root() + ")";
    requireDirectory(context.root(), description);
    var tree =
        new ContextTar.Tree(
            context.root(),
            NAMED_CONTEXTS + "/" + context.name() + "/",
            DockerIgnore.read(context.root()),
            description);
    entries.addRoot(tree);
    if (context.only().isEmpty()) {
      entries.addAll(tree, Set.of(), "");
      return;
    }
    for (String source : context.only().get().stream().sorted().toList()) {
      Optional<Path> found = resolve(entries, tree, source);
      if (found.isEmpty() || found.get().equals(tree.root())) {
        if (found.isPresent()) {
          entries.addAll(tree, Set.of(), "");
        }
        continue; // a missing source: the build reports it
      }
      Path path = found.get();
      if (tree.ignore().excludes(tree.relative(path))) {
        continue;
      }
      entries.addWithParents(tree, path);
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        entries.addBelow(tree, path, Set.of(), "");
      }
    }
  }

  /**
   * Walks {@code source} from the tree's root as a build would, following symlinks without leaving
   * the root; each symlink met is written (so the engine resolves the path the same way).
   *
   * @return the path it names, or empty when nothing is there
   */
  private static Optional<Path> resolve(ContextTar entries, ContextTar.Tree tree, String source)
      throws IOException {
    Deque<String> pending = new ArrayDeque<>(Arrays.asList(source.split("/")));
    Path current = tree.root();
    int hops = 0;
    while (!pending.isEmpty()) {
      String part = pending.removeFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        current = current.equals(tree.root()) ? current : current.getParent();
        continue;
      }
      Path next = current.resolve(part);
      if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (!Files.isSymbolicLink(next)) {
        current = next;
        continue;
      }
      if (++hops > MAX_SYMLINK_HOPS) {
        throw new RuntimeFault.InvalidArgument(
            tree.description() + ": too many symlinks on the way to " + source);
      }
      entries.addWithParents(tree, next); // refuses a link that leaves the root
      Path target = Files.readSymbolicLink(next);
      if (target.isAbsolute()) {
        current = tree.root();
        target = tree.root().relativize(target.normalize());
      }
      var parts = new ArrayDeque<String>();
      target.forEach(component -> parts.add(component.toString()));
      while (!parts.isEmpty()) {
        pending.addFirst(parts.removeLast());
      }
    }
    return Optional.of(current);
  }

  private static void requireDirectory(Path directory, String description) {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      throw new RuntimeFault.InvalidArgument(description + " is not a directory");
    }
  }
}

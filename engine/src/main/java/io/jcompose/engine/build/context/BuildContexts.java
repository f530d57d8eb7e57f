package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.host.RootedPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a {@code POST /build} extracted to a scratch directory: the main context, with its
 * {@code .dockerignore} applied (the Dockerfile and {@code .dockerignore} are always kept, as
 * dockerd does), and the named contexts the client sent (jcompose's wire form: query parameter
 * {@code x-jcompose-contexts}, a JSON object name -> {@code "tar"} (the files under {@code
 * .jcompose-contexts/<name>/} in the same tar, removed from the main context) or {@code
 * "docker-image://<reference>"}). Closing deletes the scratch directory.
 *
 * <p>As dockerd does, the Dockerfile and the {@code .dockerignore} can be read even when the {@code
 * .dockerignore} excludes them, and once the Dockerfile was read they leave the context when it
 * excludes them (so {@code COPY . /app} does not copy them then).
 */
public final class BuildContexts implements AutoCloseable {

  static final String NAMED_DIRECTORY = ".jcompose-contexts";
  private static final String DEFAULT_DOCKERFILE = "Dockerfile";

  private final Path scratch;
  private final Path main;
  private final IgnoreRules mainRules;
  private final Map<String, NamedContext> named;

  private BuildContexts(
      Path scratch, Path main, IgnoreRules mainRules, Map<String, NamedContext> named) {
    this.scratch = scratch;
    this.main = main;
    this.mainRules = mainRules;
    this.named = Map.copyOf(named);
  }

  /**
   * Extracts {@code body} (a tar, plain or gzip/bzip2/xz compressed) under {@code scratch}.
   *
   * @param namedContexts the raw {@code x-jcompose-contexts} parameter, or null
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument for a broken or hostile tar (an
   *     entry leaving the context, a link to outside it) or a malformed parameter
   */
  public static BuildContexts extract(InputStream body, String namedContexts, Path scratch) {
    ContextsParameter parameter = ContextsParameter.parse(namedContexts);
    boolean extracted = false;
    try {
      Path main = Files.createDirectories(scratch.resolve("context"));
      TarExtraction.context(body, main);
      Map<String, NamedContext> named = splitNamed(parameter, main, scratch);
      IgnoreRules mainRules = IgnoreFilter.rulesOf(main);
      IgnoreFilter.apply(main, mainRules, scratch.resolve("excluded/context"));
      extracted = true;
      return new BuildContexts(scratch, main, mainRules, named);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot extract the build context under " + scratch, e);
    } finally {
      if (!extracted) {
        deleteQuietly(scratch);
      }
    }
  }

  /** The main context. */
  public SourceTree main() {
    return SourceTree.context(main);
  }

  /** The named context {@code name} (compared case-insensitively, as stage names are). */
  public Optional<NamedContext> named(String name) {
    return Optional.ofNullable(named.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The Dockerfile's text: {@code path} relative to the main context ({@code Dockerfile} when null
   * or empty; dockerd also accepts {@code dockerfile} then).
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument when it is missing or escapes
   */
  public String dockerfile(String path) {
    boolean byDefault = path == null || path.isEmpty();
    String name = byDefault ? DEFAULT_DOCKERFILE : path;
    Optional<Path> found = locateDockerfile(name);
    if (found.isEmpty() && byDefault) {
      String lowerCase = DEFAULT_DOCKERFILE.toLowerCase(Locale.ROOT);
      found = locateDockerfile(lowerCase);
      if (found.isPresent()) {
        name = lowerCase;
      }
    }
    if (found.isEmpty()) {
      throw new EngineFault.InvalidArgument("Cannot locate specified Dockerfile: " + name);
    }
    String text = read(found.get(), name);
    leaveIfExcluded(dockerfilePath(name));
    leaveIfExcluded(new TreePath(List.of(IgnoreFilter.FILE_NAME)));
    return text;
  }

  @Override
  public void close() {
    try {
      DirectoryTree.delete(scratch);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot delete the build context under " + scratch, e);
    }
  }

  private static Map<String, NamedContext> splitNamed(
      ContextsParameter parameter, Path main, Path scratch) throws IOException {
    var named = new LinkedHashMap<String, NamedContext>();
    // longest names first: "a/b" is moved out before "a", which would take it along
    var longestFirst =
        parameter.contexts().entrySet().stream()
            .sorted(
                Comparator.comparingInt(
                    (Map.Entry<String, ContextsParameter.Source> context) ->
                        -context.getValue().spelledName().length()))
            .toList();
    int index = 0;
    for (Map.Entry<String, ContextsParameter.Source> context : longestFirst) {
      ContextsParameter.Source source = context.getValue();
      if (!source.isTar()) {
        named.put(context.getKey(), new NamedContext.Image(source.imageReference()));
        continue;
      }
      Path root = scratch.resolve("named/" + index);
      Files.createDirectories(root.getParent());
      Path sent = realDirectory(main, NAMED_DIRECTORY + "/" + source.spelledName());
      if (sent == null) {
        Files.createDirectory(root);
      } else {
        Files.move(sent, root);
      }
      IgnoreFilter.apply(
          root, IgnoreFilter.rulesOf(root), scratch.resolve("excluded/named/" + index));
      named.put(context.getKey(), new NamedContext.Local(SourceTree.context(root)));
      index++;
    }
    if (index > 0) {
      DirectoryTree.delete(main.resolve(NAMED_DIRECTORY));
    }
    return named;
  }

  /** {@code relative} below {@code root} when it and each parent are real directories. */
  private static Path realDirectory(Path root, String relative) {
    Path current = root;
    for (String component : TreePath.clean(relative).orElseThrow().components()) {
      current = current.resolve(component);
      if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
    }
    return current;
  }

  private Optional<Path> locateDockerfile(String name) {
    TreePath path = dockerfilePath(name);
    for (Path root : List.of(main, scratch.resolve("excluded/context"))) {
      Path resolved =
          RootedPath.resolve(root, path.components(), true, true)
              .orElseThrow(() -> forbidden(name));
      if (Files.isRegularFile(resolved)) {
        return Optional.of(resolved);
      }
    }
    return Optional.empty();
  }

  private static TreePath dockerfilePath(String name) {
    return TreePath.clean(name).filter(path -> !path.isRoot()).orElseThrow(() -> forbidden(name));
  }

  private static String read(Path file, String name) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument("cannot read the Dockerfile " + name + ": " + e, e);
    }
  }

  /** Drops {@code path} from the main context when its {@code .dockerignore} excludes it. */
  private void leaveIfExcluded(TreePath path) {
    if (mainRules.excludes(path)) {
      try {
        DirectoryTree.delete(path.in(main));
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot drop " + path + " from the build context", e);
      }
    }
  }

  private static EngineFault.InvalidArgument forbidden(String name) {
    return new EngineFault.InvalidArgument(
        "forbidden path outside the build context: " + name + " ()");
  }

  private static void deleteQuietly(Path directory) {
    try {
      DirectoryTree.delete(directory);
    } catch (IOException e) {
      // the caller's scratch clean-up removes what is left
    }
  }
}

package io.jcompose.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A build's named contexts in jcompose's wire form for the bundled engine: the query parameter
 * {@code x-jcompose-contexts}, a JSON object from each name to {@code "tar"} (its files travel in
 * the context tar under {@code .jcompose-contexts/<name>/}) or to {@code docker-image://<ref>}
 * (passed through); and the directories that go into the tar, each with what of it the Dockerfile
 * reads ({@link DockerfileSources}).
 *
 * @param parameter the JSON of {@code x-jcompose-contexts}
 * @param trees the named contexts sent as files
 * @param images the references of the {@code docker-image://} ones
 */
record NamedContexts(String parameter, List<BuildContext.NamedTree> trees, List<String> images) {

  /** The query parameter that carries them. */
  static final String QUERY_PARAMETER = "x-jcompose-contexts";

  /** The value that says "the files are in the tar". */
  static final String IN_TAR = "tar";

  private static final ObjectMapper JSON = new ObjectMapper();

  NamedContexts {
    trees = List.copyOf(trees);
    images = List.copyOf(images);
  }

  /**
   * @param dockerfile the Dockerfile's text, or empty when it cannot be read (then every named
   *     directory is sent whole)
   * @throws RuntimeFault.InvalidArgument when a named directory is missing or not a directory
   */
  static NamedContexts of(ImageBuild build, Optional<String> dockerfile) {
    var wire = new LinkedHashMap<String, String>();
    var trees = new ArrayList<BuildContext.NamedTree>();
    var images = new ArrayList<String>();
    for (Map.Entry<String, String> context : new TreeMap<>(build.additionalContexts()).entrySet()) {
      String name = context.getKey();
      String source = context.getValue();
      if (source.startsWith(ImageBuild.IMAGE_CONTEXT_PREFIX)) {
        wire.put(name, source);
        images.add(source.substring(ImageBuild.IMAGE_CONTEXT_PREFIX.length()));
        continue;
      }
      if (name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new RuntimeFault.InvalidArgument(
            "the named build context \""
                + name
                + "\" is a directory, so its name cannot hold a / (it names"
                + " .jcompose-contexts/"
                + name
                + "/ in the context)");
      }
      Path root;
      try {
        root = Path.of(source).toRealPath();
      } catch (IOException missing) {
        throw new RuntimeFault.InvalidArgument(
            "the named build context " + name + " (" + source + ") cannot be read: " + missing,
            missing);
      }
      Optional<Set<String>> only =
          dockerfile.flatMap(text -> DockerfileSources.copiedOnly(text, name));
      trees.add(new BuildContext.NamedTree(name, root, only));
      wire.put(name, IN_TAR);
    }
    try {
      return new NamedContexts(JSON.writeValueAsString(wire), trees, images);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The Dockerfile's text, when it can be read. */
  static Optional<String> readDockerfile(Path dockerfile) {
    try {
      return Optional.of(Files.readString(dockerfile));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}

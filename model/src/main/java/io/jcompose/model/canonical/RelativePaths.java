package io.jcompose.model.canonical;

import io.jcompose.schema.node.MapNode;
import java.nio.file.Path;

/**
 * Resolves the relative paths of a service or a document against a directory, in short or long
 * syntax alike (used for {@code extends} from another file and for {@code include}). Covers build
 * contexts (not URLs), additional contexts, ssh keys, env_file, label_file, extends.file,
 * develop.watch paths, bind-mount sources, config and secret files and the device of a local volume
 * mounted with {@code o: bind}; {@code ~} is the user's home directory.
 */
public final class RelativePaths {

  private RelativePaths() {}

  public static MapNode resolveService(MapNode service, Path baseDirectory) {
    return new PathResolver(baseDirectory, userHome()).service(service);
  }

  public static MapNode resolveDocument(MapNode document, Path baseDirectory) {
    return new PathResolver(baseDirectory, userHome()).document(document);
  }

  static String userHome() {
    return System.getProperty("user.home");
  }
}

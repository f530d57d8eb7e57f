package io.jcompose.model.canonical;

import io.jcompose.schema.node.MapNode;
import java.nio.file.Path;

/**
 * Resolves the relative paths of a service or a document against a directory, in short or long
 * syntax alike (used for {@code extends} from another file and for {@code include}).
 */
public final class RelativePaths {

  private RelativePaths() {}

  public static MapNode resolveService(MapNode service, Path baseDirectory) {
    throw new UnsupportedOperationException("not yet");
  }

  public static MapNode resolveDocument(MapNode document, Path baseDirectory) {
    throw new UnsupportedOperationException("not yet");
  }
}

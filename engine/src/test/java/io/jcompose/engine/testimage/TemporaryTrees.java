package io.jcompose.engine.testimage;

import io.jcompose.engine.host.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Empties a test's temporary directory without following links, before JUnit removes it: image
 * layers hold links to {@code /bin/busybox} and the like, which JUnit would warn about.
 */
public final class TemporaryTrees {

  private TemporaryTrees() {}

  public static void clear(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        DirectoryTree.delete(child);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

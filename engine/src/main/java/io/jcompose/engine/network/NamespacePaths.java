package io.jcompose.engine.network;

import java.nio.file.Path;

/** Where {@code ip netns add} bind-mounts a named network namespace. */
final class NamespacePaths {

  static final Path DIRECTORY = Path.of("/var/run/netns");

  private NamespacePaths() {}

  static Path of(String name) {
    return DIRECTORY.resolve(name);
  }
}

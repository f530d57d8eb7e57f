package io.jcompose.model.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the read-only shared data beside the checkout lives (compose-spec fixtures, schema). */
final class SharedFixtures {

  private SharedFixtures() {}

  static Path root() {
    String configured = System.getProperty("jcompose.shared");
    Path path = configured != null ? Path.of(configured) : Path.of("../../shared");
    path = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(path.resolve("compose-spec"))) {
      throw new IllegalStateException(
          "the shared data is missing: expected " + path + "/compose-spec beside the checkout");
    }
    return path;
  }

  static Path fixtures() {
    return root().resolve("compose-spec/fixtures");
  }
}

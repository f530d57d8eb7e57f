package io.jcompose.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.testimage.TemporaryTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootedPathTest {

  @TempDir Path root;

  @AfterEach
  void removeLinks() {
    TemporaryTrees.clear(root);
  }

  @Test
  void linksAreFollowedInsideTheRoot_neverOutOfIt() throws Exception {
    Files.createDirectories(root.resolve("real/data"));
    Files.createSymbolicLink(root.resolve("absolute"), Path.of("/real"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("../../../../etc"));
    Files.createSymbolicLink(root.resolve("hostile"), Path.of("/etc"));

    assertThat(RootedPath.inRoot(root, "/absolute/data")).isEqualTo(root.resolve("real/data"));
    assertThat(RootedPath.inRoot(root, "/escape/passwd")).isEqualTo(root.resolve("etc/passwd"));
    assertThat(RootedPath.inRoot(root, "/hostile")).isEqualTo(root.resolve("etc"));
    assertThat(RootedPath.inRoot(root, "/../../x")).isEqualTo(root.resolve("x"));
  }

  @Test
  void missingWorkingDirectoriesAreMadeInsideTheRoot() throws Exception {
    Files.createSymbolicLink(root.resolve("app"), Path.of("/etc/app"));

    Path made = RootedPath.createDirectories(root, "/app/work");

    assertThat(made).isEqualTo(root.resolve("etc/app/work")).isDirectory();
  }
}

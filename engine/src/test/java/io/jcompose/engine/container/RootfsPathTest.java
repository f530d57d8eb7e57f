package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.testimage.TemporaryTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsPathTest {

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

    assertThat(RootfsPath.resolve(root, "/absolute/data")).isEqualTo(root.resolve("real/data"));
    assertThat(RootfsPath.resolve(root, "/escape/passwd")).isEqualTo(root.resolve("etc/passwd"));
    assertThat(RootfsPath.resolve(root, "/hostile")).isEqualTo(root.resolve("etc"));
    assertThat(RootfsPath.resolve(root, "/../../x")).isEqualTo(root.resolve("x"));
  }

  @Test
  void missingWorkingDirectoriesAreMadeInsideTheRoot() throws Exception {
    Files.createSymbolicLink(root.resolve("app"), Path.of("/etc/app"));

    Path made = RootfsPath.createDirectories(root, "/app/work");

    assertThat(made).isEqualTo(root.resolve("etc/app/work")).isDirectory();
  }
}

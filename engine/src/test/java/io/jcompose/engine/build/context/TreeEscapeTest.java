package io.jcompose.engine.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaves its tree: a context refuses sources outside it, an image root resolves links as a
 * chroot would, and a destination's links lead to places inside the step's root.
 */
class TreeEscapeTest {

  @TempDir Path temporary;
  private CopyFixture fixture;
  private Path root;
  private Path outside;

  @BeforeEach
  void createTrees() throws IOException {
    fixture = new CopyFixture(temporary);
    root = fixture.root;
    outside = Files.createDirectories(temporary.resolve("outside"));
    CopyFixture.file(outside, "secret", "host secret", 0644);
  }

  @Test
  void context_refusesDotDot() {
    assertThatThrownBy(() -> fixture.copy("COPY ../outside/secret /"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("COPY failed: forbidden path outside the build context: ../outside/secret ()");
    assertThatThrownBy(() -> fixture.copy("COPY a/../../x /"))
        .hasMessageContaining("forbidden path outside the build context: a/../../x");
  }

  @Test
  void context_refusesLinksPointingOutside() {
    CopyFixture.link(fixture.context, "absolute", outside.resolve("secret").toString());
    CopyFixture.link(fixture.context, "relative", "../outside/secret");
    CopyFixture.link(fixture.context, "dir/up", "../..");
    for (String source : new String[] {"absolute", "relative", "dir/up/outside/secret"}) {
      assertThatThrownBy(() -> fixture.copy("COPY " + source + " /x"))
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessage("COPY failed: forbidden path outside the build context: " + source + " ()");
    }
    assertThat(root.resolve("x")).doesNotExist();
  }

  @Test
  void context_followsLinksInsideForANamedSource() {
    fixture.file("real/a.txt", "a");
    CopyFixture.link(fixture.context, "alias", "real/a.txt");
    CopyFixture.link(fixture.context, "dirlink", "real");
    fixture.copy("COPY alias /d/");
    fixture.copy("COPY dirlink/a.txt /e");
    assertThat(root.resolve("d/alias")).hasContent("a");
    assertThat(Files.isSymbolicLink(root.resolve("d/alias"))).isFalse();
    assertThat(root.resolve("e")).hasContent("a");
  }

  @Test
  void linkLoops_areRefused() throws IOException {
    CopyFixture.link(fixture.context, "ping", "pong");
    CopyFixture.link(fixture.context, "pong", "ping");
    fixture.file("a.txt", "a");
    Files.createSymbolicLink(root.resolve("loop"), Path.of("/loop"));
    assertThatThrownBy(() -> fixture.copy("COPY ping /x"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("too many levels of symbolic links");
    assertThatThrownBy(() -> fixture.copy("COPY a.txt /loop/a"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("too many levels of symbolic links");
  }

  @Test
  void rootfs_resolvesLinksInsideItsRoot() throws IOException {
    Path stage = Files.createDirectories(temporary.resolve("stage"));
    CopyFixture.file(stage, "etc/secret", "stage secret", 0644);
    CopyFixture.link(stage, "absolute", outside.resolve("secret").toString());
    CopyFixture.link(stage, "lib/up", "../../../../etc/secret");
    CopyFixture.link(stage, "etc-link", "/etc");
    var tree = SourceTree.rootfs(stage);
    for (String source : new String[] {"/lib/up", "/etc-link/secret", "../../etc/secret"}) {
      var copy = CopyFixture.instruction("COPY --from=stage " + source + " /got");
      FileCopies.prepare(copy, tree, "/", fixture.scratch).applyTo(root);
      assertThat(root.resolve("got")).as(source).hasContent("stage secret");
    }
    var copy = CopyFixture.instruction("COPY --from=stage /absolute /got");
    assertThatThrownBy(() -> FileCopies.prepare(copy, tree, "/", fixture.scratch))
        .as("the host path the link names does not exist inside the stage")
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("COPY failed: stat absolute: file does not exist");
  }

  @Test
  void destination_linksStayInsideTheRoot() throws IOException {
    fixture.file("a.txt", "a");
    fixture.file("dir/f", "f");
    Files.createSymbolicLink(root.resolve("toslash"), Path.of("/"));
    Files.createSymbolicLink(root.resolve("updots"), Path.of("../.."));
    Files.createSymbolicLink(root.resolve("host"), outside);
    fixture.copy("COPY a.txt /toslash/a1");
    fixture.copy("COPY a.txt /updots/a2");
    fixture.copy("COPY dir /updots/dir/");
    fixture.copy("COPY a.txt /host/a3");
    fixture.copy("COPY a.txt /updots/updots/toslash/");
    assertThat(root.resolve("a1")).hasContent("a");
    assertThat(root.resolve("a2")).hasContent("a");
    assertThat(root.resolve("dir/f")).hasContent("f");
    assertThat(root.resolve(outside.toString().substring(1) + "/a3")).hasContent("a");
    assertThat(root.resolve("a.txt")).hasContent("a");
    assertThat(outside.toFile().list()).containsExactly("secret");
    assertThat(temporary.toFile().list())
        .containsExactlyInAnyOrder("context", "root", "scratch", "outside");
  }

  @Test
  void inlineFile_namedOutOfItsDirectoryIsRefused() {
    for (String name : new String[] {"../../outside/secret", "..", ".", "a/b", "a\0b"}) {
      byte[] content = "pwned".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      var copy =
          new PreparedCopy(
              new PreparedCopy.Step(
                  "COPY",
                  java.util.List.of(
                      new CopySource.Inline(name, content, SourceDigest.bytes(content))),
                  "/etc/",
                  java.util.Optional.empty(),
                  java.util.Optional.empty()));
      assertThatThrownBy(() -> copy.applyTo(root))
          .as(name)
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageContaining("cannot be a file name in /etc/");
    }
    assertThat(outside.resolve("secret")).hasContent("host secret");
    assertThat(root.toFile().list()).isEmpty();
    assertThat(temporary.toFile().list())
        .containsExactlyInAnyOrder("context", "root", "scratch", "outside");
  }

  @Test
  void destination_existingLinkBelowADirectoryIsReplacedNotFollowed() throws IOException {
    fixture.file("dir/f", "new");
    Files.createDirectories(root.resolve("d"));
    Files.createSymbolicLink(root.resolve("d/f"), outside.resolve("secret"));
    fixture.copy("COPY dir /d");
    assertThat(Files.isSymbolicLink(root.resolve("d/f"))).isFalse();
    assertThat(root.resolve("d/f")).hasContent("new");
    assertThat(outside.resolve("secret")).hasContent("host secret");
  }
}

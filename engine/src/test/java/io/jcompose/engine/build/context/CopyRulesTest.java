package io.jcompose.engine.build.context;

import static io.jcompose.engine.build.context.CopyFixture.mode;
import static io.jcompose.engine.build.context.CopyFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker's COPY rules: where sources land, which need a directory, what is kept. */
class CopyRulesTest {

  @TempDir Path temporary;
  private CopyFixture fixture;
  private Path root;

  @BeforeEach
  void createTrees() {
    fixture = new CopyFixture(temporary);
    root = fixture.root;
  }

  @Test
  void file_landsAtTheDestination_orInsideItWhenItEndsInSlash() {
    fixture.file("a.txt", "a");
    fixture.copy("COPY a.txt /renamed");
    fixture.copy("COPY a.txt /into/");
    assertThat(root.resolve("renamed")).hasContent("a");
    assertThat(root.resolve("into/a.txt")).hasContent("a");
  }

  @Test
  void file_landsInsideAnExistingDirectory() throws IOException {
    fixture.file("a.txt", "a");
    Files.createDirectories(root.resolve("existing"));
    fixture.copy("COPY a.txt /existing");
    assertThat(root.resolve("existing/a.txt")).hasContent("a");
  }

  @Test
  void destination_isRelativeToTheWorkdir_andMissingParentsAreCreated() throws IOException {
    fixture.file("a.txt", "a");
    fixture.prepare("COPY a.txt sub/dir/b.txt", "/work/app").applyTo(root);
    fixture.prepare("COPY a.txt .", "/work").applyTo(root);
    assertThat(root.resolve("work/app/sub/dir/b.txt")).hasContent("a");
    assertThat(mode(root.resolve("work/app/sub"))).isEqualTo(0755);
    assertThat(root.resolve("work/a.txt")).hasContent("a");
  }

  @Test
  void severalSources_needADestinationEndingInSlash() {
    fixture.file("a.txt", "a");
    fixture.file("b.txt", "b");
    assertThatThrownBy(() -> fixture.prepare("COPY a.txt b.txt .", "/w"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "When using COPY with more than one source file, the destination must be a directory"
                + " and end with a /");
    assertThatThrownBy(() -> fixture.copy("COPY *.txt /d"))
        .hasMessageStartingWith("When using COPY with more than one source file");
    fixture.copy("COPY a.txt b.txt /d/");
    assertThat(root.resolve("d/a.txt")).hasContent("a");
    assertThat(root.resolve("d/b.txt")).hasContent("b");
  }

  @Test
  void glob_matchesWithinOneComponent_andOneMatchMayBeAFile() {
    fixture.file("src/main.c", "main");
    fixture.file("src/util.c", "util");
    fixture.file("src/sub/deep.c", "deep");
    fixture.file("src/readme", "readme");
    fixture.copy("COPY src/*.c /c/");
    assertThat(root.resolve("c")).isDirectoryContaining("glob:**/main.c");
    assertThat(root.resolve("c").toFile().list()).containsExactlyInAnyOrder("main.c", "util.c");
    fixture.copy("COPY src/m?in.[a-c] /only");
    assertThat(root.resolve("only")).hasContent("main");
    fixture.copy("COPY */[!a-z]* /all/"); // Go negates with ^, so ! is one more character
    assertThat(root.resolve("all").toFile().list())
        .as("a matched directory gives its contents")
        .containsExactlyInAnyOrder("main.c", "util.c", "readme", "deep.c");
  }

  @Test
  void glob_withoutMatches_failsAsDockerd() {
    assertThatThrownBy(() -> fixture.copy("COPY nomatch* /"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("COPY failed: no source files were specified");
  }

  @Test
  void directory_copiesItsContents_mergingIntoAnExistingDirectory() throws IOException {
    fixture.file("dir/f", "f");
    fixture.file("dir/sub/g", "g");
    Files.setAttribute(fixture.context.resolve("dir"), "unix:mode", 0700);
    CopyFixture.file(root, "dest/old", "old", 0600);
    CopyFixture.file(root, "dest/f", "replaced", 0600);
    Files.setAttribute(root.resolve("dest"), "unix:mode", 0750);
    fixture.copy("COPY dir /dest");
    assertThat(root.resolve("dest/old")).hasContent("old");
    assertThat(root.resolve("dest/f")).hasContent("f");
    assertThat(root.resolve("dest/sub/g")).hasContent("g");
    assertThat(mode(root.resolve("dest")))
        .as("an existing directory keeps its mode")
        .isEqualTo(0750);
    fixture.copy("COPY dir /new/dest");
    assertThat(mode(root.resolve("new/dest"))).as("a new one is 0755").isEqualTo(0755);
  }

  @Test
  void modesAndTimesAreKept_ownersBecomeRoot() throws IOException {
    Path script = CopyFixture.file(fixture.context, "bin/run.sh", "#!/bin/sh\n", 04755);
    Files.setAttribute(script, "unix:uid", 1234);
    Files.setAttribute(script, "unix:gid", 4321);
    Files.setAttribute(script, "unix:mode", 04755); // chown cleared it
    Files.setLastModifiedTime(script, CopyFixture.MTIME);
    fixture.copy("COPY bin /usr/bin/");
    Path copied = root.resolve("usr/bin/run.sh");
    assertThat(mode(copied)).isEqualTo(04755);
    assertThat(Files.getLastModifiedTime(copied)).isEqualTo(CopyFixture.MTIME);
    assertThat(owner(copied)).isEqualTo("0:0");
  }

  @Test
  void hardLinksInADirectory_stayLinked() throws IOException {
    Path busybox = fixture.file("bin/busybox", "applets");
    Files.createLink(fixture.context.resolve("bin/sh"), busybox);
    Files.createLink(fixture.context.resolve("bin/ls"), busybox);
    fixture.copy("COPY bin /bin");
    Object inode = Files.getAttribute(root.resolve("bin/busybox"), "unix:ino");
    assertThat(Files.getAttribute(root.resolve("bin/sh"), "unix:ino")).isEqualTo(inode);
    assertThat(Files.getAttribute(root.resolve("bin/ls"), "unix:ino")).isEqualTo(inode);
    assertThat(Files.getAttribute(root.resolve("bin/ls"), "unix:nlink")).isEqualTo(3);
    assertThat(root.resolve("bin/sh")).hasContent("applets");
  }

  @Test
  void existingFileIsOverwritten() {
    fixture.file("a.txt", "new");
    CopyFixture.file(root, "etc/a.txt", "old content", 0600);
    fixture.copy("COPY a.txt /etc/a.txt");
    assertThat(root.resolve("etc/a.txt")).hasContent("new");
    assertThat(mode(root.resolve("etc/a.txt"))).isEqualTo(0644);
  }

  @Test
  void file_replacesADirectoryOfItsName_asDockerd20() throws IOException {
    // dockerd 20.10's classic builder untars the file over the directory (os.RemoveAll first):
    // checked with COPY a.txt /d/ and COPY src /m onto directories /d/a.txt and /m/x
    fixture.file("a.txt", "a");
    fixture.file("src/x", "x");
    CopyFixture.file(root, "d/a.txt/sub/kept", "old", 0644);
    CopyFixture.file(root, "m/x/sub/kept", "old", 0644);
    fixture.copy("COPY a.txt /d/");
    fixture.copy("COPY src /m");
    assertThat(root.resolve("d/a.txt")).isRegularFile().hasContent("a");
    assertThat(root.resolve("m/x")).isRegularFile().hasContent("x");
  }

  @Test
  void contextRoot_copiesEverything_linksInsideStayLinks() throws IOException {
    fixture.file("a.txt", "a");
    CopyFixture.link(fixture.context, "dir/link", "../a.txt");
    fixture.copy("COPY . /app");
    assertThat(root.resolve("app/a.txt")).hasContent("a");
    assertThat(Files.isSymbolicLink(root.resolve("app/dir/link"))).isTrue();
    assertThat(Files.readSymbolicLink(root.resolve("app/dir/link"))).isEqualTo(Path.of("../a.txt"));
  }

  @Test
  void missingSource_namesItAsDockerd() {
    assertThatThrownBy(() -> fixture.copy("COPY ./missing.txt /"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "COPY failed: file not found in build context or excluded by .dockerignore: stat"
                + " missing.txt: file does not exist");
  }

  @Test
  void url_isRefusedForCopy() {
    assertThatThrownBy(() -> fixture.copy("COPY http://example.invalid/x /"))
        .hasMessage("COPY failed: source can't be a URL for COPY");
  }

  @Test
  void heredoc_writesItsText() {
    fixture.copy("COPY <<EOF /etc/motd\nhello\nworld\nEOF");
    assertThat(root.resolve("etc/motd")).hasContent("hello\nworld");
    assertThat(mode(root.resolve("etc/motd"))).isEqualTo(0644);
    fixture.copy("COPY <<GREETING /into/\nhi\nGREETING");
    assertThat(root.resolve("into/GREETING")).hasContent("hi");
    assertThat(Files.exists(root.resolve("into"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}

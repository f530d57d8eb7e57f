package io.jcompose.cli.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyPathsTest {

  @Test
  void clean_behavesAsGosFilepathClean() {
    assertThat(CopyPaths.clean("")).isEqualTo(".");
    assertThat(CopyPaths.clean("/a//b/./c/")).isEqualTo("/a/b/c");
    assertThat(CopyPaths.clean("/../a/../b")).isEqualTo("/b");
    assertThat(CopyPaths.clean("a/../../b")).isEqualTo("../b");
    assertThat(CopyPaths.clean("/")).isEqualTo("/");
  }

  @Test
  void splitDirEntry_keepsTheDotOfADirectorysContents() {
    assertThat(CopyPaths.splitDirEntry("/data/.")).containsExactly("/data", ".");
    assertThat(CopyPaths.splitDirEntry("/data/")).containsExactly("/", "data");
    assertThat(CopyPaths.splitDirEntry("file")).containsExactly(".", "file");
    assertThat(CopyPaths.splitDirEntry("/")).containsExactly("/", "/");
  }

  @Test
  void assertsDirectory_isATrailingSlashOrSlashDot() {
    assertThat(CopyPaths.assertsDirectory("/tmp/")).isTrue();
    assertThat(CopyPaths.assertsDirectory("/tmp/.")).isTrue();
    assertThat(CopyPaths.assertsDirectory("/tmp")).isFalse();
  }

  @Test
  void rebaseName_keepsTheTrailingFormAndRenamesBackToTheLinksName() {
    assertThat(CopyPaths.rebaseName("/etc/link", "/etc/target"))
        .containsExactly("/etc/target", "link");
    assertThat(CopyPaths.rebaseName("/etc/link/.", "/etc/target"))
        .containsExactly("/etc/target/.", "");
    assertThat(CopyPaths.rebaseName("/etc/same", "/var/same")).containsExactly("/var/same", "");
  }
}

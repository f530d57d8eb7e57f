package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

  @Test
  void excludes_aStarStaysWithinOneComponent() {
    var ignore = DockerIgnore.parse(List.of("*.log"));

    assertThat(ignore.excludes("app.log")).isTrue();
    assertThat(ignore.excludes("logs/app.log")).isFalse();
  }

  @Test
  void excludes_doubleStarSpansDirectories() {
    var ignore = DockerIgnore.parse(List.of("**/*.tmp", "build/**"));

    assertThat(ignore.excludes("a.tmp")).isTrue();
    assertThat(ignore.excludes("src/deep/b.tmp")).isTrue();
    assertThat(ignore.excludes("build/out/c.class")).isTrue();
    assertThat(ignore.excludes("build")).isFalse();
    assertThat(ignore.excludes("src/main.c")).isFalse();
  }

  @Test
  void excludes_aMatchedDirectoryTakesEverythingBelowIt() {
    var ignore = DockerIgnore.parse(List.of("/node_modules", "# a comment", ""));

    assertThat(ignore.excludes("node_modules")).isTrue();
    assertThat(ignore.excludes("node_modules/pkg/index.js")).isTrue();
    assertThat(ignore.excludes("src/node_modules")).isFalse();
  }

  @Test
  void excludes_theLastMatchingPatternDecidesSoExceptionsReinclude() {
    var ignore = DockerIgnore.parse(List.of("*.md", "!README.md", "README*"));

    assertThat(ignore.excludes("NOTES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isTrue();
    var reincluding = DockerIgnore.parse(List.of("docs", "!docs/keep.txt"));
    assertThat(reincluding.excludes("docs/other.txt")).isTrue();
    assertThat(reincluding.excludes("docs/keep.txt")).isFalse();
    assertThat(reincluding.hasExceptions()).isTrue();
  }

  @Test
  void excludes_questionMarksAndClassesMatchOneCharacter() {
    var ignore = DockerIgnore.parse(List.of("file?.txt", "[ab].bin", "./sub/../x"));

    assertThat(ignore.excludes("file1.txt")).isTrue();
    assertThat(ignore.excludes("file10.txt")).isFalse();
    assertThat(ignore.excludes("a.bin")).isTrue();
    assertThat(ignore.excludes("c.bin")).isFalse();
    assertThat(ignore.excludes("x")).isTrue();
  }
}

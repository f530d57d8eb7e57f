package io.jcompose.engine.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's filepath.Match semantics, and .dockerignore's ** on top. */
class GoPatternTest {

  private static boolean matches(String pattern, String path) {
    return GoPattern.compile(pattern, false).matcher(path).matches();
  }

  private static boolean ignored(String dockerignore, String path) {
    return IgnoreRules.parse(dockerignore).excludes(TreePath.clean(path).orElseThrow());
  }

  @Test
  void filepathMatch() {
    assertThat(matches("*.c", "main.c")).isTrue();
    assertThat(matches("*.c", "src/main.c")).as("* stays in a component").isFalse();
    assertThat(matches("src/?ain.c", "src/main.c")).isTrue();
    assertThat(matches("[a-c]*", "beta")).isTrue();
    assertThat(matches("[^a-c]*", "beta")).isFalse();
    assertThat(matches("[^a-c]*", "delta")).isTrue();
    assertThat(matches("\\*", "*")).isTrue();
    assertThat(matches("\\*", "x")).isFalse();
    assertThat(matches("a.c", "abc")).as(". is literal").isFalse();
    assertThat(matches("(x)+", "(x)+")).as("regex characters are literal").isTrue();
  }

  @Test
  void wildcardsAreFound_unlessEscaped() {
    assertThat(List.of("a*", "a?", "a[b]").stream().allMatch(GoPattern::hasWildcards)).isTrue();
    assertThat(GoPattern.hasWildcards("a\\*")).isFalse();
    assertThat(GoPattern.hasWildcards("plain/path.txt")).isFalse();
  }

  @Test
  void dockerignore_doubleStarAndParents() {
    assertThat(ignored("**/*.go", "a/b/c.go")).isTrue();
    assertThat(ignored("**/*.go", "c.go")).isTrue();
    assertThat(ignored("a/**", "a/b/c")).isTrue();
    assertThat(ignored("node_modules", "node_modules/x/y.js")).as("below a match").isTrue();
    assertThat(ignored("*/temp*", "src/temporary/x")).isTrue();
    assertThat(ignored("*/temp*", "temporary")).isFalse();
    assertThat(ignored("/build/\n", "build/x")).isTrue();
    assertThat(ignored("*.md\n!README.md", "README.md")).isFalse();
    assertThat(ignored("!README.md\n*.md", "README.md")).as("the last match decides").isTrue();
    assertThat(ignored("# *.md\n", "a.md")).as("a comment").isFalse();
  }
}

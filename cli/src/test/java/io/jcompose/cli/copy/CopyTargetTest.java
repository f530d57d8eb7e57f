package io.jcompose.cli.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CopyTargetTest {

  private static final Optional<Boolean> MISSING = Optional.empty();
  private static final Optional<Boolean> DIRECTORY = Optional.of(true);
  private static final Optional<Boolean> FILE = Optional.of(false);

  @Test
  void intoAnExistingDirectory_theArchiveLandsUnchanged() {
    CopyTarget target = CopyTarget.of("/src/dir", true, "", "/dst", DIRECTORY);
    assertThat(target).isEqualTo(new CopyTarget("/dst", Optional.empty()));
  }

  @Test
  void ontoAnExistingFile_theFileTakesTheDestinationsName() {
    CopyTarget target = CopyTarget.of("/src/a.txt", false, "", "/dst/b.txt", FILE);
    assertThat(target.directory()).isEqualTo("/dst");
    assertThat(target.rename().orElseThrow().apply("a.txt")).isEqualTo("b.txt");
  }

  @Test
  void aDirectoryToAMissingPath_becomesThatPath() {
    CopyTarget target = CopyTarget.of("/src/dir", true, "", "/dst/new", MISSING);
    assertThat(target.directory()).isEqualTo("/dst");
    CopyTarget.Rename rename = target.rename().orElseThrow();
    assertThat(rename.apply("dir")).isEqualTo("new");
    assertThat(rename.apply("dir/sub/f")).isEqualTo("new/sub/f");
    assertThat(rename.apply("directory/f")).isEqualTo("directory/f");
  }

  @Test
  void aDirectorysContents_toAMissingPath_becomeThatPathsContents() {
    CopyTarget.Rename rename =
        CopyTarget.of("/src/dir/.", true, "", "/dst/new", MISSING).rename().orElseThrow();
    assertThat(rename.apply(".")).isEqualTo("new");
    assertThat(rename.apply("./f")).isEqualTo("new/f");
    assertThat(rename.apply("f")).isEqualTo("new/f");
  }

  @Test
  void refusesADirectoryOntoAFileAndAFileIntoAMissingDirectory() {
    assertThatThrownBy(() -> CopyTarget.of("/src/dir", true, "", "/dst/file", FILE))
        .hasMessageContaining("cannot copy a directory to a file");
    assertThatThrownBy(() -> CopyTarget.of("/src/a.txt", false, "", "/dst/nodir/", MISSING))
        .hasMessageContaining("no such directory");
  }

  @Test
  void aFollowedLink_isNamedAfterTheLink() {
    CopyTarget target = CopyTarget.of("/etc/real", false, "link", "/dst", DIRECTORY);
    assertThat(target.rename()).isEmpty();
    CopyTarget renamed = CopyTarget.of("/etc/real", false, "link", "/dst/x", MISSING);
    assertThat(renamed.rename().orElseThrow().from()).isEqualTo("link");
  }
}

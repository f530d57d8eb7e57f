package io.jcompose.model.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvRawTest {

  @TempDir Path directory;

  private Path write(String content) throws Exception {
    Path file = directory.resolve("app.env");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readRaw_keepsValuesVerbatim() throws Exception {
    Path file =
        write("A=\"quoted\"\nB='single'\nC=$HOME ${X:-y}\nD=trailing  \nE=a # not a comment\nF=\n");

    assertThat(DotEnv.readRaw(file))
        .containsExactly(
            entry("A", "\"quoted\""),
            entry("B", "'single'"),
            entry("C", "$HOME ${X:-y}"),
            entry("D", "trailing  "),
            entry("E", "a # not a comment"),
            entry("F", ""));
  }

  @Test
  void readRaw_skipsCommentsBlankLinesAndBareKeys() throws Exception {
    Path file = write("# comment\n\n   \n  # indented\nBARE\nA=1\n  B=x=y\r\n");

    assertThat(DotEnv.readRaw(file)).containsExactly(entry("A", "1"), entry("B", "x=y"));
  }

  @Test
  void readRaw_stripsByteOrderMark() throws Exception {
    assertThat(DotEnv.readRaw(write("\uFEFFA=1"))).containsExactly(entry("A", "1"));
  }

  @Test
  void readRaw_rejectsWhitespaceInKey() throws Exception {
    Path file = write("A=1\nMY KEY=2\n");

    assertThatThrownBy(() -> DotEnv.readRaw(file))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(1);
              assertThat(e.getMessage()).contains("\"MY KEY\"");
            });
  }

  @Test
  void readRaw_rejectsSpaceBeforeEquals() throws Exception {
    assertThatThrownBy(() -> DotEnv.readRaw(write("KEY =value")))
        .isInstanceOf(DotEnvException.class)
        .hasMessageContaining("\"KEY \"");
  }

  @Test
  void readRaw_rejectsMissingName() throws Exception {
    assertThatThrownBy(() -> DotEnv.readRaw(write("A=1\n  =value")))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(3);
            });
  }

  @Test
  void read_parsesFileAndNamesItInErrors() throws Exception {
    Path good = write("A=1\nB=\"${A}-2\"\n");
    assertThat(DotEnv.read(good, name -> Optional.empty())).isEqualTo(Map.of("A", "1", "B", "1-2"));

    Path bad = write("A=1\nB='open\n");
    assertThatThrownBy(() -> DotEnv.read(bad, name -> Optional.empty()))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(bad.toString());
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(3);
            });
  }
}

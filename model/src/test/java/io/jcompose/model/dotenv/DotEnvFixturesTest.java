package io.jcompose.model.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** compose-go's dotenv fixtures, with the values compose-go's own tests expect. */
class DotEnvFixturesTest {

  private static final Function<String, Optional<String>> NOTHING = name -> Optional.empty();

  private static final List<String> COVERED =
      List.of(
          "custom.format",
          "equals.env",
          "exported.env",
          "inherited-multi-var.env",
          "inherited-not-found.env",
          "inherited-single-var.env",
          "invalid1.env",
          "plain.env",
          "quoted.env",
          "special.env",
          "substitutions-default.env",
          "substitutions.env",
          "unquoted.env",
          "utf8-bom.env");

  private static Path fixtures() {
    String shared = System.getProperty("jcompose.shared");
    Path root = shared == null || shared.isBlank() ? Path.of("../../shared") : Path.of(shared);
    return root.resolve("compose-spec/fixtures/compose-go/dotenv/fixtures");
  }

  private static Path fixture(String name) {
    return fixtures().resolve(name);
  }

  private static Map<String, String> read(String name) throws Exception {
    return DotEnv.read(fixture(name), NOTHING);
  }

  private static Map<String, String> read(String name, Map<String, String> environment)
      throws Exception {
    return DotEnv.read(fixture(name), key -> Optional.ofNullable(environment.get(key)));
  }

  @Test
  void fixtures_everyFileInTheFolderIsCovered() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(fixtures())) {
      files.forEach(file -> names.add(file.getFileName().toString()));
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(COVERED);
  }

  @Test
  void plain_readsTrimmedValuesEmptyValuesAndInlineComment() throws Exception {
    assertThat(read("plain.env"))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "2"),
            entry("OPTION_C", "3"),
            entry("OPTION_D", "4"),
            entry("OPTION_E", "5"),
            entry("456", "ABC"),
            entry("OPTION_F", ""),
            entry("OPTION_G", ""),
            entry("OPTION_H", "my string"));
  }

  @Test
  void utf8Bom_readsLikePlainWithTheMarkStripped() throws Exception {
    assertThat(Files.readAllBytes(fixture("utf8-bom.env")))
        .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(read("utf8-bom.env"))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "2"),
            entry("OPTION_C", "3"),
            entry("OPTION_D", "4"),
            entry("OPTION_E", "5"),
            entry("456", "ABC"),
            entry("OPTION_F", ""),
            entry("OPTION_G", ""),
            entry("OPTION_H", "my string"));
  }

  @Test
  void quoted_readsSingleDoubleAndMultiLineValues() throws Exception {
    assertThat(read("quoted.env"))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "2"),
            entry("OPTION_C", ""),
            entry("OPTION_D", "\\n"),
            entry("OPTION_E", "1"),
            entry("OPTION_F", "2"),
            entry("OPTION_G", ""),
            entry("OPTION_H", "\n"),
            entry("OPTION_I", "echo 'asd'"),
            entry("OPTION_J", "first line\nsecond line\nthird line\nand so on"),
            entry("OPTION_K", "Let's go!"),
            entry("OPTION_Z", "last value"));
  }

  @Test
  void unquoted_readsPhrasesAndNonAsciiCharacters() throws Exception {
    assertThat(read("unquoted.env"))
        .containsExactly(
            entry("OPTION_A", "some quoted phrase"),
            entry("OPTION_B", "first one with an unquoted phrase"),
            entry("OPTION_C", "then another one with an unquoted phrase"),
            entry("OPTION_D", "then another one with an unquoted phrase special \u00e8 char"),
            entry("OPTION_E", "then another one quoted phrase"));
  }

  @Test
  void exported_stripsExportKeyword() throws Exception {
    assertThat(read("exported.env"))
        .containsExactly(entry("OPTION_A", "2"), entry("OPTION_B", "\\n"));
  }

  @Test
  void equals_keepsEqualsSignsAndQuestionMarkInQuotedValue() throws Exception {
    assertThat(read("equals.env"))
        .containsExactly(entry("OPTION_A", "postgres://localhost:5432/database?sslmode=disable"));
  }

  @Test
  void special_acceptsDotsUnderscoresAndDashesInKeys() throws Exception {
    assertThat(read("special.env"))
        .containsExactly(
            entry("VAR.WITH.DOTS", "dots"),
            entry("VAR_WITH_UNDERSCORES", "underscores"),
            entry("VAR-WITH-DASHES", "dashes"));
  }

  @Test
  void customFormat_readsColonSeparatedPairs() throws Exception {
    assertThat(read("custom.format")).containsExactly(entry("FOO", "BAR"), entry("ZOT", "QIX"));
  }

  @Test
  void inheritedSingleVar_takesValueFromLookup() throws Exception {
    assertThat(read("inherited-single-var.env", Map.of("VAR_TO_BE_LOADED_FROM_OS_ENV", "value")))
        .containsExactly(entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "value"));
  }

  @Test
  void inheritedMultiVar_mixesInheritedAndAssignedKeys() throws Exception {
    assertThat(
            read(
                "inherited-multi-var.env",
                Map.of("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE")))
        .containsExactly(
            entry("foo", "bar"),
            entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE"),
            entry("bar", "baz"));
    assertThat(read("inherited-multi-var.env"))
        .containsExactly(entry("foo", "bar"), entry("bar", "baz"));
  }

  @Test
  void inheritedNotFound_leavesKeyUnsetAndAsksTheLookup() throws Exception {
    var asked = new ArrayList<String>();
    Map<String, String> values =
        DotEnv.read(
            fixture("inherited-not-found.env"),
            name -> {
              asked.add(name);
              return Optional.empty();
            });

    assertThat(values).isEmpty();
    assertThat(asked).containsExactly("VARIABLE_NOT_FOUND");
  }

  @Test
  void substitutions_resolveEarlierKeys() throws Exception {
    assertThat(read("substitutions.env"))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "1"),
            entry("OPTION_C", "1"),
            entry("OPTION_D", "1_1"),
            entry("OPTION_E", ""));
  }

  @Test
  void substitutions_preferTheLookupOverEarlierKeys() throws Exception {
    assertThat(read("substitutions.env", Map.of("OPTION_A", "5")))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "5"),
            entry("OPTION_C", "5"),
            entry("OPTION_D", "5_5"),
            entry("OPTION_E", ""));
  }

  @Test
  void substitutionsDefault_useDefaultWhenNothingIsSet() throws Exception {
    assertThat(read("substitutions-default.env"))
        .containsExactly(
            entry("OPTION_A", "1"),
            entry("OPTION_B", "1"),
            entry("OPTION_C", "1"),
            entry("OPTION_D", "1_1"),
            entry("OPTION_E", ""));
  }

  @Test
  void substitutionsDefault_useLookupValueOverDefault() throws Exception {
    assertThat(read("substitutions-default.env", Map.of("OPTION_A", "5")))
        .containsExactly(
            entry("OPTION_A", "5"),
            entry("OPTION_B", "5"),
            entry("OPTION_C", "5"),
            entry("OPTION_D", "5_5"),
            entry("OPTION_E", ""));
  }

  @Test
  void invalid1_failsAtTheKeyWithASpace() {
    Path file = fixture("invalid1.env");
    assertThatThrownBy(() -> DotEnv.read(file, NOTHING))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo(file.toString());
              assertThat(e.line()).isEqualTo(7);
              assertThat(e.column()).isEqualTo(1);
              assertThat(e.getMessage()).contains("\"INVALID LINE\" contains a space");
            });
  }
}

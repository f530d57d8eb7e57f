package io.jcompose.model.dotenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotEnvTest {

  private static final Function<String, Optional<String>> NOTHING = name -> Optional.empty();

  private static Map<String, String> parse(String content) throws DotEnvException {
    return DotEnv.parse(content, ".env", NOTHING);
  }

  private static Map<String, String> parse(String content, Map<String, String> environment)
      throws DotEnvException {
    return DotEnv.parse(content, ".env", name -> Optional.ofNullable(environment.get(name)));
  }

  @Test
  void parse_readsKeyValueLinesInFileOrder() throws Exception {
    assertThat(parse("ZED=1\nALPHA=2\nMIDDLE=3\n"))
        .containsExactly(entry("ZED", "1"), entry("ALPHA", "2"), entry("MIDDLE", "3"));
  }

  @Test
  void parse_acceptsYamlStyleColon() throws Exception {
    assertThat(parse("OPTION_A: 1\nOPTION_B: Foo=bar\nOPTION_C:x"))
        .containsExactly(
            entry("OPTION_A", "1"), entry("OPTION_B", "Foo=bar"), entry("OPTION_C", "x"));
  }

  @Test
  void parse_keepsSeparatorsAfterTheFirstInValue() throws Exception {
    assertThat(parse("OPTION_A=1:B\nFOO=foobar=\n"))
        .containsExactly(entry("OPTION_A", "1:B"), entry("FOO", "foobar="));
  }

  @Test
  void parse_stripsExportPrefix() throws Exception {
    assertThat(parse("export A=2\nexport\tB=3\n  export C=4\n\texport D=\"export A\"\n"))
        .containsExactly(entry("A", "2"), entry("B", "3"), entry("C", "4"), entry("D", "export A"));
  }

  @Test
  void parse_keepsNamesThatOnlyStartWithExport() throws Exception {
    assertThat(parse("export exportFoo=2\nexportFOO=3\nexport_FOO =4\nexport.FOO= 5\nexport=6"))
        .containsExactly(
            entry("exportFoo", "2"),
            entry("exportFOO", "3"),
            entry("export_FOO", "4"),
            entry("export.FOO", "5"),
            entry("export", "6"));
  }

  @Test
  void parse_skipsBlankAndCommentLines() throws Exception {
    assertThat(parse("\n# comment\n\t # indented comment\n   \nA=1\n\r\n#B=2\n"))
        .containsExactly(entry("A", "1"));
  }

  @Test
  void parse_stripsByteOrderMark() throws Exception {
    assertThat(parse("\uFEFFA=1\nB=2")).containsExactly(entry("A", "1"), entry("B", "2"));
  }

  @Test
  void parse_acceptsLettersDigitsDotsDashesUnderscoresAndBracketsInKeys() throws Exception {
    assertThat(parse("VAR.WITH-ALL_OF[0]=x\nété2=y\n456=z"))
        .containsExactly(entry("VAR.WITH-ALL_OF[0]", "x"), entry("été2", "y"), entry("456", "z"));
  }

  @Test
  void parse_rejectsSpaceInKeyWithItsLocation() {
    assertThatThrownBy(() -> DotEnv.parse("A=1\n  INVALID LINE\n", "app.env", NOTHING))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.fileName()).isEqualTo("app.env");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.getMessage()).contains("\"INVALID LINE\" contains a space");
            });
  }

  @Test
  void parse_rejectsSpaceInKeyBeforeEquals() {
    assertThatThrownBy(() -> parse("MY VAR=1"))
        .isInstanceOfSatisfying(DotEnvException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void parse_rejectsUnexpectedCharacterInKeyAtItsColumn() {
    assertThatThrownBy(() -> parse("OK=1\nlol$wut"))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(4);
              assertThat(e.getMessage())
                  .startsWith("unexpected character \"$\" in variable name \"lol$wut\"");
            });
  }

  @Test
  void parse_bareKeyTakesValueFromLookup() throws Exception {
    assertThat(parse("HOME\nexport USER\n", Map.of("HOME", "/root", "USER", "")))
        .containsExactly(entry("HOME", "/root"), entry("USER", ""));
  }

  @Test
  void parse_bareKeyStaysUnsetWhenLookupHasNoValue() throws Exception {
    var asked = new ArrayList<String>();
    Map<String, String> values =
        DotEnv.parse(
            "A=1\nNOT_FOUND\nB=2",
            ".env",
            name -> {
              asked.add(name);
              return Optional.empty();
            });

    assertThat(values).containsExactly(entry("A", "1"), entry("B", "2"));
    assertThat(asked).containsExactly("NOT_FOUND");
  }

  @Test
  void parse_bareKeyAtEndOfContentWithoutNewlineIsInherited() throws Exception {
    assertThat(parse("A=1\nLAST", Map.of("LAST", "x")))
        .containsExactly(entry("A", "1"), entry("LAST", "x"));
    assertThat(parse("A=1\nLAST")).containsExactly(entry("A", "1"));
  }

  @Test
  void parse_emptyAssignmentGivesEmptyString() throws Exception {
    assertThat(parse("A=\nB = \nC:\nD="))
        .containsExactly(entry("A", ""), entry("B", ""), entry("C", ""), entry("D", ""));
  }

  @Test
  void parse_trimsUnquotedValueAndSpacesAroundSeparator() throws Exception {
    assertThat(parse("A =bar\nB= bar\nC = bar  \t\nD=a b  c"))
        .containsExactly(
            entry("A", "bar"), entry("B", "bar"), entry("C", "bar"), entry("D", "a b  c"));
  }

  @Test
  void parse_spaceHashStartsCommentInUnquotedValue() throws Exception {
    assertThat(parse("A=bar # this is a\nB=bar #this\nC=bar #\nD=123#not-a-comment"))
        .containsExactly(
            entry("A", "bar"),
            entry("B", "bar"),
            entry("C", "bar"),
            entry("D", "123#not-a-comment"));
  }

  @Test
  void parse_keepsBackslashesInUnquotedValue() throws Exception {
    assertThat(parse("A=a\\tb\\n")).containsExactly(entry("A", "a\\tb\\n"));
  }

  @Test
  void parse_interpolatesUnquotedValueWithEarlierKeys() throws Exception {
    assertThat(parse("FOO=test\nBAR=$FOO\nBAZ=${FOO}bar\nQUX=${NOPE:-dflt}\nNONE=$NOPE"))
        .containsExactly(
            entry("FOO", "test"),
            entry("BAR", "test"),
            entry("BAZ", "testbar"),
            entry("QUX", "dflt"),
            entry("NONE", ""));
  }

  @Test
  void parse_lookupWinsOverEarlierKeysInInterpolation() throws Exception {
    assertThat(parse("HOST=file\nURL=http://${HOST}", Map.of("HOST", "os")))
        .containsExactly(entry("HOST", "file"), entry("URL", "http://os"));
  }

  @Test
  void parse_laterAssignmentReplacesEarlierValue() throws Exception {
    assertThat(parse("A=1\nB=2\nA=3")).containsExactly(entry("A", "3"), entry("B", "2"));
  }

  @Test
  void parse_singleQuotedValueIsLiteral() throws Exception {
    assertThat(parse("A='quote $FOO'\nB='\\n'\nC='a\\\\b'\nD='bar#baz' # comment\nE=''"))
        .containsExactly(
            entry("A", "quote $FOO"),
            entry("B", "\\n"),
            entry("C", "a\\\\b"),
            entry("D", "bar#baz"),
            entry("E", ""));
  }

  @Test
  void parse_singleQuotedValueUnescapesOnlyTheQuote() throws Exception {
    assertThat(parse("A='Let\\'s go!'")).containsExactly(entry("A", "Let's go!"));
  }

  @Test
  void parse_singleQuotedValueMaySpanLines() throws Exception {
    assertThat(parse("A = 'first line\nsecond line'\nB=2"))
        .containsExactly(entry("A", "first line\nsecond line"), entry("B", "2"));
  }

  @Test
  void parse_doubleQuotedValueExpandsEscapes() throws Exception {
    assertThat(parse("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\""))
        .containsExactly(entry("KEY", "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\ZSZ"));
  }

  @Test
  void parse_doubleQuotedValueKeepsUnsupportedEscapes() throws Exception {
    assertThat(parse("A=\"\\x07\"\nB=\"\\u12e4\"\nC=\"bar\\ b\\az\"\nD=\"\\012\"\nE=\"\\0400\""))
        .containsExactly(
            entry("A", "\\x07"),
            entry("B", "\\u12e4"),
            entry("C", "bar\\ b\u0007z"),
            entry("D", "\\012"),
            entry("E", "\\0400"));
  }

  @Test
  void parse_doubleQuotedValueUnescapesQuotes() throws Exception {
    assertThat(parse("A=\"escaped\\\"bar\"\nB=\"\\\"quoted\\\"\"\nC=\"'d'\"\nD=\"bar\\\\\""))
        .containsExactly(
            entry("A", "escaped\"bar"),
            entry("B", "\"quoted\""),
            entry("C", "'d'"),
            entry("D", "bar\\"));
  }

  @Test
  void parse_doubleQuotedValueIsInterpolated() throws Exception {
    assertThat(parse("FOO=test\nBAR=\"quote $FOO ${NOPE:-x}\""))
        .containsEntry("BAR", "quote test x");
  }

  @Test
  void parse_backslashDollarIsLiteralInDoubleQuotes() throws Exception {
    assertThat(parse("FOO=test\nA=\"foo\\$BAR\"\nB=\"foo\\${FOO} ${FOO}\""))
        .containsExactly(entry("FOO", "test"), entry("A", "foo$BAR"), entry("B", "foo${FOO} test"));
  }

  @Test
  void parse_doubleDollarIsLiteral() throws Exception {
    assertThat(parse("FOO=test\nA=$$FOO\nB=\"a$$FOO\""))
        .containsExactly(entry("FOO", "test"), entry("A", "$FOO"), entry("B", "a$FOO"));
  }

  @Test
  void parse_doubleQuotedValueMaySpanLines() throws Exception {
    assertThat(parse("URLS=\"tcp://a:3333\ntcp://b:443\"\nNEXT=1"))
        .containsExactly(entry("URLS", "tcp://a:3333\ntcp://b:443"), entry("NEXT", "1"));
  }

  @Test
  void parse_ignoresCommentAfterClosingQuote() throws Exception {
    assertThat(parse("A=\"bar#baz\"#\nB=\"bar#baz\" # comment\nC = \"echo 'asd'\" # Inline"))
        .containsExactly(entry("A", "bar#baz"), entry("B", "bar#baz"), entry("C", "echo 'asd'"));
  }

  @Test
  void parse_textAfterClosingQuoteStartsAnotherAssignment() throws Exception {
    assertThat(parse("A=\"x\" B=y\nC='z'D=w"))
        .containsExactly(entry("A", "x"), entry("B", "y"), entry("C", "z"), entry("D", "w"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "KEY=\"",
        "KEY=\"value",
        "KEY=\"value\\\"",
        "KEY=\"value'",
        "KEY='",
        "KEY='value",
        "KEY='value\\'",
        "KEY='value\""
      })
  void parse_rejectsUnterminatedQuotedValueAtTheQuote(String line) {
    assertThatThrownBy(() -> parse("OK=1\n" + line + "\nOTHER=2"))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(5);
              assertThat(e.getMessage()).startsWith("unterminated quoted value");
            });
  }

  @Test
  void parse_reportsInterpolationErrorAtTheValue() {
    assertThatThrownBy(() -> parse("A=1\nB = ${MISSING:?set it}"))
        .isInstanceOfSatisfying(
            DotEnvException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(5);
              assertThat(e.getMessage())
                  .isEqualTo("required variable MISSING is missing a value: set it");
            });
  }

  @Test
  void parse_reportsInvalidInterpolationSyntax() {
    assertThatThrownBy(() -> parse("A=${B/x/y}"))
        .isInstanceOf(DotEnvException.class)
        .hasMessageContaining("invalid interpolation format for \"${B/x/y}\"");
  }

  @Test
  void parse_handlesWindowsLineEndings() throws Exception {
    assertThat(parse("A=1\r\nB=\"two\"\r\nC='three' \r\n# c\r\nD\r\n", Map.of("D", "4")))
        .containsExactly(entry("A", "1"), entry("B", "two"), entry("C", "three"), entry("D", "4"));
  }

  @Test
  void parse_returnsUnmodifiableMap() throws Exception {
    Map<String, String> values = parse("A=1");
    assertThatThrownBy(() -> values.put("B", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parse_emptyContentGivesNoValues() throws Exception {
    assertThat(parse("")).isEmpty();
    assertThat(parse("\n\n  # only a comment")).isEmpty();
  }
}

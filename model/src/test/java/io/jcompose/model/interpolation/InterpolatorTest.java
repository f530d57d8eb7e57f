package io.jcompose.model.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolatorTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of("NAME", "web", "EMPTY", "", "PORT", "8080", "lower", "small", "A_1", "a1");

  private final List<String> unset = new ArrayList<>();
  private final Interpolator interpolator =
      new Interpolator(name -> Optional.ofNullable(ENVIRONMENT.get(name)));

  private String interpolate(String text) throws InterpolationException {
    return interpolator.interpolate(text, unset::add);
  }

  @Test
  void interpolate_returnsTextWithoutDollarUnchanged() throws Exception {
    assertThat(interpolate("plain {text}")).isEqualTo("plain {text}");
    assertThat(unset).isEmpty();
  }

  @Test
  void interpolate_replacesBareVariable() throws Exception {
    assertThat(interpolate("image-$NAME:latest")).isEqualTo("image-web:latest");
  }

  @Test
  void interpolate_replacesBracedVariable() throws Exception {
    assertThat(interpolate("${NAME}${PORT}")).isEqualTo("web8080");
  }

  @Test
  void interpolate_bareNameTakesLettersDigitsAndUnderscores() throws Exception {
    assertThat(interpolate("$A_1-$NAME.$PORT/x")).isEqualTo("a1-web.8080/x");
  }

  @Test
  void interpolate_lookupIsCaseSensitive() throws Exception {
    assertThat(interpolate("$lower/$LOWER")).isEqualTo("small/");
    assertThat(unset).containsExactly("LOWER");
  }

  @Test
  void interpolate_unsetVariableBecomesEmptyAndIsReported() throws Exception {
    assertThat(interpolate("a${MISSING}b$OTHER")).isEqualTo("ab");
    assertThat(unset).containsExactly("MISSING", "OTHER");
  }

  @Test
  void interpolate_emptyVariableIsNotReportedAsUnset() throws Exception {
    assertThat(interpolate("[${EMPTY}]")).isEqualTo("[]");
    assertThat(unset).isEmpty();
  }

  @Test
  void interpolate_usesDefaultWhenVariableIsEmpty() throws Exception {
    assertThat(interpolate("${EMPTY:-fallback}")).isEqualTo("fallback");
  }

  @Test
  void interpolate_usesDefaultWhenVariableIsUnset() throws Exception {
    assertThat(interpolate("${MISSING:-fallback}")).isEqualTo("fallback");
    assertThat(interpolate("${MISSING-fallback}")).isEqualTo("fallback");
    assertThat(unset).isEmpty();
  }

  @Test
  void interpolate_keepsValueOverDefaultWhenVariableIsSet() throws Exception {
    assertThat(interpolate("${NAME:-fallback}")).isEqualTo("web");
    assertThat(interpolate("${NAME-fallback}")).isEqualTo("web");
  }

  @Test
  void interpolate_dashDefaultKeepsEmptyValue() throws Exception {
    assertThat(interpolate("[${EMPTY-fallback}]")).isEqualTo("[]");
  }

  @Test
  void interpolate_defaultMayBeEmptyOrContainSpecialCharacters() throws Exception {
    assertThat(interpolate("[${MISSING:-}]")).isEqualTo("[]");
    assertThat(interpolate("${MISSING:-a:b-c?d+e $ f}")).isEqualTo("a:b-c?d+e $ f");
  }

  @Test
  void interpolate_colonQuestionFailsWhenVariableIsEmpty() {
    assertThatThrownBy(() -> interpolate("${EMPTY:?must be set}"))
        .isInstanceOf(InterpolationException.class)
        .hasMessage("required variable EMPTY is missing a value: must be set");
  }

  @Test
  void interpolate_colonQuestionFailsWhenVariableIsUnset() {
    assertThatThrownBy(() -> interpolate("x ${MISSING:?set MISSING first} y"))
        .isInstanceOf(InterpolationException.class)
        .hasMessage("required variable MISSING is missing a value: set MISSING first");
  }

  @Test
  void interpolate_requiredWithoutMessageSaysOnlyThatTheValueIsMissing() {
    assertThatThrownBy(() -> interpolate("${MISSING:?}"))
        .hasMessage("required variable MISSING is missing a value");
    assertThatThrownBy(() -> interpolate("${MISSING?}"))
        .hasMessage("required variable MISSING is missing a value");
  }

  @Test
  void interpolate_questionAcceptsEmptyValue() throws Exception {
    assertThat(interpolate("[${EMPTY?must exist}]")).isEqualTo("[]");
  }

  @Test
  void interpolate_questionFailsWhenVariableIsUnset() {
    assertThatThrownBy(() -> interpolate("${MISSING?must exist}"))
        .hasMessage("required variable MISSING is missing a value: must exist");
  }

  @Test
  void interpolate_requiredReturnsValueWhenSet() throws Exception {
    assertThat(interpolate("${NAME:?x}-${PORT?y}")).isEqualTo("web-8080");
  }

  @Test
  void interpolate_requiredMessageIsInterpolated() {
    assertThatThrownBy(() -> interpolate("${MISSING?$NAME needs it}"))
        .hasMessage("required variable MISSING is missing a value: web needs it");
  }

  @Test
  void interpolate_colonPlusUsesAlternateOnlyWhenVariableIsNonEmpty() throws Exception {
    assertThat(interpolate("[${NAME:+alt}]")).isEqualTo("[alt]");
    assertThat(interpolate("[${EMPTY:+alt}]")).isEqualTo("[]");
    assertThat(interpolate("[${MISSING:+alt}]")).isEqualTo("[]");
    assertThat(unset).isEmpty();
  }

  @Test
  void interpolate_plusUsesAlternateWhenVariableIsSetEvenEmpty() throws Exception {
    assertThat(interpolate("[${NAME+alt}]")).isEqualTo("[alt]");
    assertThat(interpolate("[${EMPTY+alt}]")).isEqualTo("[alt]");
    assertThat(interpolate("[${MISSING+alt}]")).isEqualTo("[]");
  }

  @Test
  void interpolate_alternateIsInterpolated() throws Exception {
    assertThat(interpolate("${NAME:+--name=$NAME}")).isEqualTo("--name=web");
  }

  @Test
  void interpolate_doubleDollarIsLiteralDollar() throws Exception {
    assertThat(interpolate("$$NAME $${NAME} a$$b $$$NAME")).isEqualTo("$NAME ${NAME} a$b $web");
    assertThat(unset).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$1", "$ x", "$-", "cost: 5$", "$!", "$@", "$.x", "a $ b"})
  void interpolate_keepsDollarNotFollowedByNameBraceOrDollar(String text) throws Exception {
    assertThat(interpolate(text)).isEqualTo(text);
  }

  @Test
  void interpolate_nestedDefaultsAreInterpolated() throws Exception {
    assertThat(interpolate("${MISSING:-${ALSO_MISSING:-x}}")).isEqualTo("x");
    assertThat(interpolate("${MISSING:-${NAME:-x}}")).isEqualTo("web");
    assertThat(interpolate("${EMPTY:-pre-$PORT-post}")).isEqualTo("pre-8080-post");
  }

  @Test
  void interpolate_interpolatesTextAfterNestedReference() throws Exception {
    assertThat(interpolate("${MISSING:-${NAME}}:$PORT/${NAME}")).isEqualTo("web:8080/web");
  }

  @Test
  void interpolate_reportsUnsetVariableInsideUsedDefault() throws Exception {
    assertThat(interpolate("${MISSING:-$INNER}")).isEmpty();
    assertThat(unset).containsExactly("INNER");
  }

  @Test
  void interpolate_doesNotEvaluateUnusedDefault() throws Exception {
    assertThat(interpolate("${NAME:-${INNER:?boom}$OTHER}")).isEqualTo("web");
    assertThat(unset).isEmpty();
  }

  @Test
  void interpolate_countsBracesInsideDefault() throws Exception {
    assertThat(interpolate("${MISSING:-{x}}!")).isEqualTo("{x}!");
  }

  @Test
  void interpolate_rejectsUnclosedBrace() {
    assertThatThrownBy(() -> interpolate("port ${PORT"))
        .isInstanceOf(InterpolationException.class)
        .hasMessageStartingWith("invalid interpolation format for \"port ${PORT\": ")
        .hasMessageContaining("no closing \"}\"")
        .hasMessageEndingWith("You may need to escape any $ with another $");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${}",
        "${#NAME}",
        "${1NAME}",
        "${ NAME}",
        "${!NAME}",
        "${NAME/x/y}",
        "${NAME//x/y}",
        "${NAME:1}",
        "${NAME:1:2}",
        "${NAME%x}",
        "${NAME#x}",
        "${NAME^^}",
        "${NAME }",
        "${NAME:}",
        "${NAME:=x}",
        "${NAME=x}",
        "${NAME[0]}"
      })
  void interpolate_rejectsUnsupportedForms(String text) {
    assertThatThrownBy(() -> interpolate(text))
        .isInstanceOf(InterpolationException.class)
        .hasMessageStartingWith("invalid interpolation format for \"" + text + "\": ")
        .hasMessageEndingWith("You may need to escape any $ with another $");
  }

  @Test
  void interpolate_rejectsBadSyntaxEvenInsideUnusedDefault() {
    assertThatThrownBy(() -> interpolate("${NAME:-${OTHER/a/b}}"))
        .hasMessageContaining("\"${OTHER/a/b}\" is not supported");
  }

  @Test
  void interpolate_namesTheUnsupportedExpression() {
    assertThatThrownBy(() -> interpolate("x ${#NAME} y"))
        .hasMessageContaining("\"${#NAME}\" does not start with a variable name");
  }
}

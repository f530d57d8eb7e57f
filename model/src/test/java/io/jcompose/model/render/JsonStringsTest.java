package io.jcompose.model.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

  private static String standard(String text) {
    var out = new StringBuilder();
    JsonStrings.append(out, text);
    return out.toString();
  }

  private static String go(String text) {
    var out = new StringBuilder();
    JsonStrings.appendGo(out, text);
    return out.toString();
  }

  @Test
  void standard_escapesQuotesBackslashesAndControlCharacters() {
    assertThat(standard("a\"b\\c\nd\te\u0001<&>\b\f"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001<&>\\b\\f\"");
  }

  @Test
  void go_alsoEscapesHtmlCharactersAndLineSeparators() {
    assertThat(go("<a & b>\u2028\b")).isEqualTo("\"\\u003ca \\u0026 b\\u003e\\u2028\\b\"");
  }
}

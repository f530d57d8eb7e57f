package io.jcompose.model.dotenv;

/** The two kinds of white space the {@code .env} grammar tells apart. */
final class Whitespace {

  private Whitespace() {}

  /** White space within a line: never a line break. */
  static boolean isInline(int c) {
    return c == ' '
        || c == '\t'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u0085'
        || c == '\u00A0';
  }

  /** Any white space, line breaks included. */
  static boolean isAny(int c) {
    return isInline(c) || c == '\n' || Character.isSpaceChar(c);
  }

  static String trimEnd(String text) {
    int end = text.length();
    while (end > 0 && isAny(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}

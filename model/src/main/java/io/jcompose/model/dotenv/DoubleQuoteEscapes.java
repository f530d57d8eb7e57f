package io.jcompose.model.dotenv;

/**
 * The backslash escapes of a double-quoted {@code .env} value: {@code \n \r \t \\ \" \a \b \f \v},
 * {@code \$} and octal {@code \0NNN}. Any other backslash is kept as written, so {@code \x07} and
 * {@code \u12e4} stay literal text.
 */
final class DoubleQuoteEscapes {

  private DoubleQuoteEscapes() {}

  /**
   * Expands the escapes of {@code text}. {@code \$} becomes {@code $$} so that the interpolation
   * that follows turns it into one literal {@code $}.
   */
  static String expand(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    var out = new StringBuilder(text.length());
    int index = 0;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (c != '\\' || index + 1 == text.length()) {
        out.append(c);
        index++;
        continue;
      }
      char escaped = text.charAt(index + 1);
      String replacement = simple(escaped);
      if (replacement != null) {
        out.append(replacement);
        index += 2;
      } else if (escaped == '0') {
        index = octal(text, index, out);
      } else {
        out.append(c);
        index++;
      }
    }
    return out.toString();
  }

  private static String simple(char escaped) {
    return switch (escaped) {
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'v' -> "\u000B";
      case '\\' -> "\\";
      case '"' -> "\"";
      case '$' -> "$$";
      default -> null;
    };
  }

  /**
   * {@code \0} and up to three digits at {@code start}: exactly three octal digits worth at most
   * 0377 give that character; anything else is kept as written. Returns the index after it.
   */
  private static int octal(String text, int start, StringBuilder out) {
    int digitsStart = start + 2;
    int end = digitsStart;
    while (end < text.length() && end - digitsStart < 3 && isAsciiDigit(text.charAt(end))) {
      end++;
    }
    String digits = text.substring(digitsStart, end);
    if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7')) {
      int code = Integer.parseInt(digits, 8);
      if (code <= 0377) {
        out.append((char) code);
        return end;
      }
    }
    out.append(text, start, end);
    return end;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

package io.jcompose.model.dotenv;

import io.jcompose.model.interpolation.InterpolationException;
import io.jcompose.model.interpolation.Interpolator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One pass over the content of a {@code .env} file; see {@link DotEnv#parse}. */
final class DotEnvParser {

  private final String source;
  private final String fileName;
  private final Function<String, Optional<String>> lookup;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Interpolator interpolator;
  private int position;

  DotEnvParser(String source, String fileName, Function<String, Optional<String>> lookup) {
    this.source = source.startsWith("\uFEFF") ? source.substring(1) : source;
    this.fileName = fileName;
    this.lookup = lookup;
    this.interpolator = new Interpolator(this::resolve);
  }

  Map<String, String> parse() throws DotEnvException {
    while (skipToStatement()) {
      String key = readKey();
      if (atLineEnd()) {
        // A bare KEY: inherit it, or leave it as it is (usually unset).
        lookup.apply(key).ifPresent(value -> values.put(key, value));
        continue;
      }
      position++; // the '=' or ':'
      skipInlineSpace();
      values.put(key, readValue());
    }
    return Collections.unmodifiableMap(values);
  }

  /** Skips blank lines and comment lines; false at the end of the content. */
  private boolean skipToStatement() {
    while (true) {
      while (position < source.length() && Whitespace.isAny(source.charAt(position))) {
        position++;
      }
      if (position == source.length()) {
        return false;
      }
      if (source.charAt(position) != '#') {
        return true;
      }
      int lineEnd = source.indexOf('\n', position);
      position = lineEnd < 0 ? source.length() : lineEnd;
    }
  }

  /** Reads {@code [export ]KEY} and stops at its '=', ':', line break or the end. */
  private String readKey() throws DotEnvException {
    if (source.startsWith("export", position)
        && position + 6 < source.length()
        && isInlineSpaceNotCr(source.charAt(position + 6))) {
      position += 6;
      skipInlineSpace();
    }
    int keyStart = position;
    while (!atLineEnd() && source.charAt(position) != '=' && source.charAt(position) != ':') {
      int c = source.codePointAt(position);
      if (!Whitespace.isInline(c) && !isKeyCharacter(c)) {
        throw error(
            position,
            "unexpected character \""
                + Character.toString(c)
                + "\" in variable name \""
                + restOfLine(keyStart)
                + "\"; a name may contain letters, digits, '_', '.', '-', '[' and ']'");
      }
      position += Character.charCount(c);
    }
    String key = Whitespace.trimEnd(source.substring(keyStart, position));
    if (key.codePoints().anyMatch(Whitespace::isAny)) {
      throw error(
          keyStart,
          "variable name \""
              + key
              + "\" contains a space; a name may contain letters, digits, '_', '.', '-', '['"
              + " and ']'");
    }
    return key;
  }

  private String readValue() throws DotEnvException {
    int valueStart = position;
    char first = position < source.length() ? source.charAt(position) : 0;
    if (first == '\'' || first == '"') {
      String quoted = readQuoted(first);
      return first == '"' ? interpolate(DoubleQuoteEscapes.expand(quoted), valueStart) : quoted;
    }
    int lineEnd = source.indexOf('\n', position);
    int end = lineEnd < 0 ? source.length() : lineEnd;
    String value = source.substring(position, end);
    position = end;
    int comment = value.indexOf(" #");
    if (comment >= 0) {
      value = value.substring(0, comment);
    }
    return interpolate(Whitespace.trimEnd(value), valueStart);
  }

  /**
   * Reads a quoted value, possibly over several lines, and leaves the position after the closing
   * quote. Only the quote itself can be escaped here; other backslashes are kept for {@link
   * DoubleQuoteEscapes}.
   */
  private String readQuoted(char quote) throws DotEnvException {
    int quoteStart = position;
    var text = new StringBuilder();
    boolean escaping = false;
    for (int index = position + 1; index < source.length(); index++) {
      char c = source.charAt(index);
      if (c == quote && !escaping) {
        position = index + 1;
        return text.toString();
      }
      if (c == '\\' && !escaping) {
        escaping = true;
        continue;
      }
      if (escaping && c != quote) {
        text.append('\\');
      }
      escaping = false;
      text.append(c);
    }
    throw error(
        quoteStart,
        "unterminated quoted value " + restOfLine(quoteStart) + "; close it with " + quote);
  }

  private String interpolate(String value, int valueStart) throws DotEnvException {
    try {
      return interpolator.interpolate(value, name -> {});
    } catch (InterpolationException e) {
      throw error(valueStart, e.getMessage());
    }
  }

  /** The caller's lookup first, then the keys read so far. */
  private Optional<String> resolve(String name) {
    Optional<String> value = lookup.apply(name);
    return value.isPresent() ? value : Optional.ofNullable(values.get(name));
  }

  private boolean atLineEnd() {
    return position >= source.length() || source.charAt(position) == '\n';
  }

  private void skipInlineSpace() {
    while (position < source.length() && Whitespace.isInline(source.charAt(position))) {
      position++;
    }
  }

  private String restOfLine(int from) {
    int lineEnd = source.indexOf('\n', from);
    return Whitespace.trimEnd(source.substring(from, lineEnd < 0 ? source.length() : lineEnd));
  }

  private DotEnvException error(int index, String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new DotEnvException(fileName, line, index - lineStart + 1, message);
  }

  private static boolean isInlineSpaceNotCr(char c) {
    return Whitespace.isInline(c) && c != '\r';
  }

  private static boolean isKeyCharacter(int c) {
    if (c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}

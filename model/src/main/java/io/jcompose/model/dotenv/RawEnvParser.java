package io.jcompose.model.dotenv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The docker CLI's {@code --env-file} format ({@code env_file} with {@code format: raw}): one
 * {@code KEY=VALUE} per line with the value taken verbatim, {@code #} comment lines, and bare
 * {@code KEY} lines skipped.
 */
final class RawEnvParser {

  private RawEnvParser() {}

  static Map<String, String> parse(String content, String fileName) throws DotEnvException {
    String source = content.startsWith("\uFEFF") ? content.substring(1) : content;
    var values = new LinkedHashMap<String, String>();
    String[] lines = source.split("\n", -1);
    for (int lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      String line = lines[lineIndex];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      int start = 0;
      while (start < line.length() && Whitespace.isAny(line.charAt(start))) {
        start++;
      }
      if (start == line.length() || line.charAt(start) == '#') {
        continue;
      }
      int equals = line.indexOf('=', start);
      String key = line.substring(start, equals < 0 ? line.length() : equals);
      if (key.isEmpty()) {
        throw new DotEnvException(
            fileName, lineIndex + 1, start + 1, "no variable name before '=' in \"" + line + "\"");
      }
      if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
        throw new DotEnvException(
            fileName,
            lineIndex + 1,
            start + 1,
            "variable name \"" + key + "\" contains white space; write KEY=VALUE without spaces");
      }
      if (equals >= 0) {
        values.put(key, line.substring(equals + 1));
      }
    }
    return Collections.unmodifiableMap(values);
  }
}

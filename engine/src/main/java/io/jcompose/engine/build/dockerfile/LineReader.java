package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into parser directives and logical lines, as BuildKit does: directives only
 * at the very top, comment lines dropped, a line ending in the escape character continued on the
 * next one, and comment or empty lines inside a continuation skipped.
 */
final class LineReader {

  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.*?)\\s*$");
  private static final Set<String> KNOWN_DIRECTIVES = Set.of("syntax", "escape", "check");

  record Result(Directives directives, List<LogicalLine> lines) {}

  private LineReader() {}

  static Result read(String source) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    String[] lines = text.split("\r?\n", -1);
    Map<String, String> directives = new LinkedHashMap<>();
    int index = 0;
    for (; index < lines.length; index++) {
      Matcher matcher = DIRECTIVE.matcher(lines[index]);
      if (!matcher.matches()) {
        break;
      }
      String name = matcher.group(1).toLowerCase(Locale.ROOT);
      if (!KNOWN_DIRECTIVES.contains(name)) {
        break;
      }
      if (directives.putIfAbsent(name, matcher.group(2)) != null) {
        throw DockerfileError.at(index + 1, "only one " + name + " parser directive can be used");
      }
    }
    String escape = directives.get("escape");
    if (escape != null && !escape.equals("\\") && !escape.equals("`")) {
      throw DockerfileError.at(
          1, "invalid escape token '" + escape + "' does not match ` or \\ (try # escape=`)");
    }
    Directives parsed = new Directives(directives);
    return new Result(parsed, join(lines, index, parsed.escape()));
  }

  private static List<LogicalLine> join(String[] lines, int first, char escape) {
    List<LogicalLine> logical = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    int index = first;
    while (index < lines.length) {
      String line = lines[index++];
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue; // comments and blank lines, also inside a continuation
      }
      if (current == null) {
        current = new StringBuilder();
        start = index;
        line = line.stripLeading();
      }
      String trailing = line.stripTrailing();
      if (!trailing.isEmpty() && trailing.charAt(trailing.length() - 1) == escape) {
        current.append(trailing, 0, trailing.length() - 1);
        continue;
      }
      current.append(line);
      String text = current.toString();
      List<Heredoc> heredocs = new ArrayList<>();
      for (MatchResult marker : HeredocMarker.in(text)) {
        index = HeredocMarker.read(marker, lines, index, start, heredocs);
      }
      logical.add(new LogicalLine(start, text, heredocs));
      current = null;
    }
    if (current != null) {
      logical.add(new LogicalLine(start, current.toString()));
    }
    return logical;
  }
}

package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"} and {@code <<'EOF'} in a RUN, COPY or ADD
 * line and reads each here-document's lines up to its terminator.
 */
final class HeredocMarker {

  private static final Set<String> KEYWORDS = Set.of("RUN", "COPY", "ADD");
  private static final Pattern MARKER =
      Pattern.compile("(?<!<)<<(-?)(?:\"([^\"\\s]+)\"|'([^'\\s]+)'|([A-Za-z_][A-Za-z0-9_]*))");

  private HeredocMarker() {}

  /** The markers of the line, in order; none unless the line is a RUN, COPY or ADD. */
  static List<MatchResult> in(String text) {
    String keyword = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    List<MatchResult> markers = new ArrayList<>();
    if (KEYWORDS.contains(keyword)) {
      Matcher matcher = MARKER.matcher(text);
      while (matcher.find()) {
        markers.add(matcher.toMatchResult());
      }
    }
    return markers;
  }

  /**
   * Reads the here-document {@code marker} opens, from {@code lines[index]} on, into {@code
   * heredocs}, and answers the index of the line after its terminator. {@code line} is the
   * instruction's first line, counted from 1 ({@code lines[line - 1]}).
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument for a COPY or ADD here-document
   *     whose name cannot be a file name ({@code .}, {@code ..}, or one with a {@code /})
   */
  static int read(MatchResult marker, String[] lines, int index, int line, List<Heredoc> heredocs) {
    boolean stripTabs = !marker.group(1).isEmpty();
    String quoted = marker.group(2) != null ? marker.group(2) : marker.group(3);
    String name = quoted != null ? quoted : marker.group(4);
    if (namesFiles(lines[line - 1]) && !isFileName(name)) {
      throw DockerfileError.at(
          line,
          "invalid heredoc name \""
              + name
              + "\": COPY and ADD write it as a file name, which cannot be . or .. or hold a /");
    }
    StringBuilder content = new StringBuilder();
    for (int next = index; next < lines.length; next++) {
      String body = stripTabs ? lines[next].replaceFirst("^\t+", "") : lines[next];
      if (body.equals(name)) {
        heredocs.add(new Heredoc(name, content.toString(), quoted == null));
        return next + 1;
      }
      content.append(body).append('\n');
    }
    throw DockerfileError.at(
        line, "unterminated heredoc " + name + ": add a line with only " + name + " to end it");
  }

  /** Whether the instruction starting on {@code firstLine} is a COPY or ADD. */
  private static boolean namesFiles(String firstLine) {
    String keyword = firstLine.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    return keyword.equals("COPY") || keyword.equals("ADD");
  }

  private static boolean isFileName(String name) {
    return !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0;
  }
}

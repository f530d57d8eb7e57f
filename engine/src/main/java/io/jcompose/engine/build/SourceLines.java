package io.jcompose.engine.build;

import java.util.List;

/**
 * The Dockerfile's text as the build output quotes it: an instruction's logical line, its
 * continuation lines joined ({@code Step 3/5 : RUN echo built > /built.txt}).
 */
final class SourceLines {

  private final List<String> lines;
  private final char escape;

  SourceLines(String dockerfile, char escape) {
    this.lines = dockerfile.lines().toList();
    this.escape = escape;
  }

  /** The logical line starting at {@code line} (1-based), trimmed. */
  String at(int line) {
    var text = new StringBuilder();
    for (int index = line - 1; index >= 0 && index < lines.size(); index++) {
      String physical = lines.get(index);
      String stripped = physical.stripTrailing();
      if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
        text.append(stripped, 0, stripped.length() - 1);
        continue;
      }
      text.append(physical);
      break;
    }
    return text.toString().strip();
  }
}

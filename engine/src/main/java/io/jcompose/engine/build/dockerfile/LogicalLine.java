package io.jcompose.engine.build.dockerfile;

import java.util.List;

/**
 * An instruction's text with its continuations joined, the line it starts on, and the
 * here-documents that follow it.
 */
record LogicalLine(int line, String text, List<Heredoc> heredocs) {
  LogicalLine {
    heredocs = List.copyOf(heredocs);
  }

  LogicalLine(int line, String text) {
    this(line, text, List.of());
  }
}

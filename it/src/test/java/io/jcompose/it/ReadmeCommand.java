package io.jcompose.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command the README shows between {@code <!-- NAME -->} and {@code <!-- /NAME -->}: the lines of
 * the fenced code block there, exactly as a reader copies them.
 */
record ReadmeCommand(String text) {

  ReadmeCommand {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the README's command is empty");
    }
  }

  static ReadmeCommand read(Path readme, String name) throws IOException {
    String content = Files.readString(readme, StandardCharsets.UTF_8);
    String open = "<!-- " + name + " -->";
    String close = "<!-- /" + name + " -->";
    int start = content.indexOf(open);
    int end = content.indexOf(close);
    if (start < 0 || end < start) {
      throw new AssertionError(readme + " has no " + open + " ... " + close + " section");
    }
    String section = content.substring(start + open.length(), end).strip();
    if (!section.startsWith("```") || !section.endsWith("```")) {
      throw new AssertionError(
          readme + ": the " + name + " section is not one fenced code block: " + section);
    }
    int firstLineEnd = section.indexOf('\n');
    return new ReadmeCommand(section.substring(firstLineEnd + 1, section.length() - 3).strip());
  }
}

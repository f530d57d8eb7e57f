package io.jcompose.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile reads from a named build context, found by a small line scanner (continuation
 * lines, comments, the {@code escape} directive, JSON and shell forms, flags before the sources).
 * When the context is only used by {@code COPY --from=NAME} / {@code ADD --from=NAME} with literal
 * sources, those sources are all a build needs from it, as BuildKit transfers only what a build
 * reads; any other use ({@code FROM NAME}, {@code RUN --mount=from=NAME}, a variable or glob in a
 * source, a variable where the name could be) needs the whole directory.
 */
final class DockerfileSources {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ESCAPE_DIRECTIVE =
      Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$", Pattern.CASE_INSENSITIVE);

  private final String contextName;
  private final Set<String> sources = new LinkedHashSet<>();
  private boolean wholeContext;

  private DockerfileSources(String contextName) {
    this.contextName = contextName;
  }

  /**
   * The paths (relative to the context's root, {@code /}-separated, normalised) the Dockerfile
   * copies from {@code contextName}; empty when it may read anything of it.
   */
  static Optional<Set<String>> copiedOnly(String dockerfile, String contextName) {
    var scan = new DockerfileSources(contextName);
    for (String instruction : instructions(dockerfile)) {
      scan.instruction(instruction);
      if (scan.wholeContext) {
        return Optional.empty();
      }
    }
    return Optional.of(Set.copyOf(scan.sources));
  }

  /** The logical instructions: continuation lines joined, comments and blank lines dropped. */
  static List<String> instructions(String dockerfile) {
    char escape = '\\';
    var instructions = new ArrayList<String>();
    var current = new StringBuilder();
    boolean directives = true;
    for (String line : dockerfile.split("\r?\n", -1)) {
      String stripped = line.strip();
      if (directives) {
        Matcher directive = ESCAPE_DIRECTIVE.matcher(stripped);
        if (directive.matches()) {
          escape = directive.group(1).charAt(0);
          continue;
        }
        directives = stripped.startsWith("#") && stripped.contains("=");
      }
      if (stripped.startsWith("#") || (stripped.isEmpty() && current.length() > 0)) {
        continue;
      }
      if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
        current.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      current.append(stripped);
      if (!current.toString().isBlank()) {
        instructions.add(current.toString().strip());
      }
      current.setLength(0);
    }
    if (!current.toString().isBlank()) {
      instructions.add(current.toString().strip());
    }
    return instructions;
  }

  private void instruction(String instruction) {
    String[] split = instruction.split("\\s+", 2);
    String keyword = split[0].toUpperCase(Locale.ROOT);
    String rest = split.length > 1 ? split[1] : "";
    switch (keyword) {
      case "ONBUILD" -> instruction(rest);
      case "FROM" -> from(rest);
      case "COPY", "ADD" -> copy(rest);
      case "RUN" -> run(rest);
      default -> {
        // no other instruction reads another context
      }
    }
  }

  private void from(String rest) {
    for (String word : rest.split("\\s+")) {
      if (word.startsWith("--")) {
        continue;
      }
      wholeContext |= names(word);
      return;
    }
  }

  private void run(String rest) {
    for (String word : rest.split("\\s+")) {
      if (!word.startsWith("--")) {
        return;
      }
      if (word.toLowerCase(Locale.ROOT).startsWith("--mount=")) {
        for (String option : word.substring("--mount=".length()).split(",")) {
          String[] keyValue = option.split("=", 2);
          if (keyValue.length == 2 && keyValue[0].equalsIgnoreCase("from") && names(keyValue[1])) {
            wholeContext = true;
          }
        }
      }
    }
  }

  private void copy(String rest) {
    String remaining = rest.strip();
    Optional<String> from = Optional.empty();
    while (remaining.startsWith("--")) {
      String[] split = remaining.split("\\s+", 2);
      String flag = split[0];
      if (flag.toLowerCase(Locale.ROOT).startsWith("--from=")) {
        from = Optional.of(flag.substring("--from=".length()));
      }
      remaining = split.length > 1 ? split[1].strip() : "";
    }
    if (from.isEmpty() || !names(from.get())) {
      return;
    }
    List<String> arguments = arguments(remaining);
    if (arguments.size() < 2) {
      wholeContext = true;
      return;
    }
    for (String source : arguments.subList(0, arguments.size() - 1)) {
      Optional<String> literal = literal(source);
      if (literal.isEmpty()) {
        wholeContext = true;
        return;
      }
      sources.add(literal.get());
    }
  }

  /**
   * Whether a stage or context reference may mean this context (a variable or a quoted name might).
   */
  private boolean names(String reference) {
    return reference.equalsIgnoreCase(contextName) || reference.matches(".*[$\"'].*");
  }

  private static List<String> arguments(String text) {
    if (text.startsWith("[")) {
      try {
        return JSON.readValue(text, new TypeReference<List<String>>() {});
      } catch (JsonProcessingException notJson) {
        // the shell form, as docker falls back to
      }
    }
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }

  /**
   * The source as a normalised relative path, or empty when it is not a plain literal path: a
   * variable, a glob, an escape or a quote (the builder's word expansion would change it) needs the
   * whole context.
   */
  private static Optional<String> literal(String source) {
    if (source.isEmpty() || source.startsWith("<<") || source.matches(".*[$*?\\[\\\\\"'].*")) {
      return Optional.empty();
    }
    String relative = source.replaceFirst("^/+", "");
    String normalised = Path.of(relative.isEmpty() ? "." : relative).normalize().toString();
    if (normalised.isEmpty() || normalised.equals(".") || normalised.startsWith("..")) {
      return Optional.empty();
    }
    return Optional.of(normalised);
  }
}

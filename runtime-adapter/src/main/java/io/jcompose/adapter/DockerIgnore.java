package io.jcompose.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build context's {@code .dockerignore}, with docker's rules: one pattern a line, {@code #}
 * comments, {@code !} re-includes, {@code *} and {@code ?} stay within a path component, {@code **}
 * spans any number of them, a leading {@code /} is dropped, and the last matching pattern decides.
 * A pattern also matches everything below a directory it matches.
 */
final class DockerIgnore {

  private record Rule(Pattern pattern, int components, boolean exception) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  static DockerIgnore read(Path context) throws IOException {
    Path file = context.resolve(".dockerignore");
    return Files.isRegularFile(file) ? parse(Files.readAllLines(file)) : none();
  }

  static DockerIgnore parse(List<String> lines) {
    var rules = new ArrayList<Rule>();
    for (String line : lines) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      if (exception) {
        pattern = pattern.substring(1).strip();
      }
      pattern = clean(pattern);
      if (pattern.isEmpty()) {
        continue;
      }
      rules.add(new Rule(compile(pattern), pattern.split("/").length, exception));
    }
    return new DockerIgnore(rules);
  }

  /** Whether {@code relativePath} (with {@code /} separators) stays out of the context. */
  boolean excludes(String relativePath) {
    String[] components = relativePath.split("/");
    boolean excluded = false;
    for (Rule rule : rules) {
      boolean matches = rule.pattern().matcher(relativePath).matches();
      if (!matches && components.length > rule.components()) {
        String parent = String.join("/", java.util.Arrays.copyOf(components, rule.components()));
        matches = rule.pattern().matcher(parent).matches();
      }
      if (matches) {
        excluded = !rule.exception();
      }
    }
    return excluded;
  }

  /** Whether a directory that is excluded may still hold re-included files. */
  boolean hasExceptions() {
    for (Rule rule : rules) {
      if (rule.exception()) {
        return true;
      }
    }
    return false;
  }

  /** Like Go's {@code filepath.Clean} on a relative pattern, leading {@code /} dropped. */
  private static String clean(String pattern) {
    var parts = new ArrayList<String>();
    for (String part : pattern.split("/+")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  private static Pattern compile(String pattern) {
    var regex = new StringBuilder("^");
    for (int i = 0; i < pattern.length(); i++) {
      char current = pattern.charAt(i);
      switch (current) {
        case '*' -> {
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
              i++;
              regex.append("(.*/)?");
            } else {
              regex.append(".*");
            }
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            i++;
            regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
          }
        }
        case '[' -> {
          int close = pattern.indexOf(']', i + 1);
          if (close < 0) {
            regex.append("\\[");
          } else {
            String set = pattern.substring(i + 1, close);
            if (set.startsWith("^")) {
              set = "!" + set.substring(1);
            }
            regex
                .append('[')
                .append(set.startsWith("!") ? "^" + set.substring(1) : set)
                .append(']');
            i = close;
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(current)));
      }
    }
    return Pattern.compile(regex.append('$').toString());
  }
}

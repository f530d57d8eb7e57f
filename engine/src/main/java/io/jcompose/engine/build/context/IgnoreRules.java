package io.jcompose.engine.build.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore}: one pattern a line, {@code #} comments, surrounding spaces dropped, each
 * pattern cleaned ({@code ./a/} is {@code a}, a leading {@code /} dropped), {@code !} re-includes,
 * the last matching pattern decides. A pattern matching a directory matches what is below it.
 */
final class IgnoreRules {

  private record Rule(Pattern pattern, int depth, boolean exception) {}

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static IgnoreRules parse(String text) {
    var rules = new ArrayList<Rule>();
    for (String line : text.split("\n")) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      if (exception) {
        pattern = pattern.substring(1).strip();
      }
      pattern = cleaned(pattern);
      if (pattern.isEmpty()) {
        continue;
      }
      rules.add(new Rule(GoPattern.compile(pattern, true), pattern.split("/").length, exception));
    }
    return new IgnoreRules(rules);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether a pattern re-includes something, so an excluded directory may keep some content. */
  boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /** Whether {@code path} (relative, cleaned) is left out of the context. */
  boolean excludes(TreePath path) {
    String joined = path.toString();
    List<String> parents = path.isRoot() ? List.of() : path.parent().components();
    boolean excluded = false;
    for (Rule rule : rules) {
      boolean matches = rule.pattern().matcher(joined).matches();
      if (!matches && !parents.isEmpty() && rule.depth() <= parents.size()) {
        String prefix = String.join("/", parents.subList(0, rule.depth()));
        matches = rule.pattern().matcher(prefix).matches();
      }
      if (matches) {
        excluded = !rule.exception();
      }
    }
    return excluded;
  }

  /** Go's {@code filepath.Clean} of a relative pattern, its leading {@code /} dropped. */
  private static String cleaned(String pattern) {
    String absolute = pattern.startsWith("/") ? pattern : "/" + pattern;
    return TreePath.clean(absolute).map(TreePath::toString).filter(p -> !p.equals(".")).orElse("");
  }
}

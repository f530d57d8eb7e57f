package io.jcompose.engine.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference filter pattern, matched the way Go's {@code path.Match} does: {@code *} and {@code ?}
 * never match a slash, {@code [...]} is a character class ({@code [^...]} negated), a backslash
 * escapes. A malformed pattern matches nothing, as in dockerd.
 */
final class ReferenceGlob {

  private final Optional<Pattern> pattern;

  ReferenceGlob(String glob) {
    this.pattern = compile(glob);
  }

  /** dockerd's FamiliarMatch: the familiar string ({@code busybox:1}) or else the familiar name. */
  boolean matches(ImageReference reference) {
    return pattern.isPresent()
        && (pattern.get().matcher(reference.familiarString()).matches()
            || pattern.get().matcher(reference.familiarName()).matches());
  }

  private static Optional<Pattern> compile(String glob) {
    var regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char character = glob.charAt(i);
      switch (character) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        case '\\' -> {
          if (++i >= glob.length()) {
            return Optional.empty();
          }
          regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0 || end == i + 1 || (glob.charAt(i + 1) == '^' && end == i + 2)) {
            return Optional.empty();
          }
          boolean negated = glob.charAt(i + 1) == '^';
          String members = glob.substring(i + (negated ? 2 : 1), end);
          regex.append(negated ? "[^/" : "[");
          for (char member : members.toCharArray()) {
            regex.append(member == '-' ? "-" : escapeInClass(member));
          }
          regex.append(']');
          i = end;
        }
        default -> regex.append(Pattern.quote(String.valueOf(character)));
      }
      i++;
    }
    try {
      return Optional.of(Pattern.compile(regex.toString()));
    } catch (java.util.regex.PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  private static String escapeInClass(char member) {
    return Character.isLetterOrDigit(member) ? String.valueOf(member) : "\\" + member;
  }
}

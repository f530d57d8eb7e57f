package io.jcompose.schema.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts a name pattern such as {@code ^[a-zA-Z0-9._-]+$} into words: "letters, digits, ".", "_" and
 * "-"". Only a single character class repeated over the whole name is described.
 */
final class NamePattern {

  private static final Pattern WHOLE_NAME_CLASS = Pattern.compile("\\^\\[([^\\]\\\\]+)\\]\\+\\$");

  private NamePattern() {}

  /** "a name may contain only ...", or empty when the pattern is not a simple class. */
  static Optional<String> describe(Pattern pattern) {
    var matcher = WHOLE_NAME_CLASS.matcher(pattern.pattern());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String members = matcher.group(1);
    boolean lower = members.contains("a-z");
    boolean upper = members.contains("A-Z");
    boolean digits = members.contains("0-9");
    String rest = members.replace("a-z", "").replace("A-Z", "").replace("0-9", "");
    var words = new ArrayList<String>();
    if (lower && upper) {
      words.add("letters");
    } else if (lower) {
      words.add("lowercase letters");
    } else if (upper) {
      words.add("uppercase letters");
    }
    if (digits) {
      words.add("digits");
    }
    for (char c : rest.toCharArray()) {
      if (c == '-' && rest.indexOf('-') != rest.length() - 1 && rest.indexOf('-') != 0) {
        return Optional.empty();
      }
      words.add("\"" + c + "\"");
    }
    return Optional.of("a name may contain only " + join(words));
  }

  private static String join(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}

package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Takes the leading {@code --name[=value]} flags off an instruction's arguments. */
final class FlagReader {

  /** The flags found and the arguments after them. */
  record Split(List<Flag> flags, String rest) {}

  private FlagReader() {}

  /**
   * Reads flags up to the first word not starting with {@code --} (or a lone {@code --}), refusing
   * a flag the instruction does not know.
   */
  static Split read(int line, String keyword, String arguments, Set<String> allowed) {
    List<Flag> flags = new ArrayList<>();
    String rest = arguments.stripLeading();
    while (rest.startsWith("--")) {
      int end = 0;
      while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
        end++;
      }
      String word = rest.substring(2, end);
      rest = rest.substring(end).stripLeading();
      if (word.isEmpty()) {
        break;
      }
      int equals = word.indexOf('=');
      String name = equals < 0 ? word : word.substring(0, equals);
      String value = equals < 0 ? null : word.substring(equals + 1);
      if (!allowed.contains(name)) {
        throw DockerfileError.at(
            line,
            "unknown flag: --"
                + name
                + " ("
                + keyword
                + (allowed.isEmpty()
                    ? " takes no flags"
                    : " takes --" + String.join(", --", sorted(allowed)))
                + ")");
      }
      flags.add(new Flag(name, value));
    }
    return new Split(flags, rest);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}

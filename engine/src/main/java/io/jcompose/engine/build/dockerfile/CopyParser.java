package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** COPY and ADD: their flags, then sources and destination in JSON or whitespace form. */
final class CopyParser {

  private static final Set<String> COPY_FLAGS =
      Set.of("from", "chown", "chmod", "link", "parents", "exclude");
  private static final Set<String> ADD_FLAGS =
      Set.of("chown", "chmod", "link", "checksum", "keep-git-dir", "exclude");

  private CopyParser() {}

  static Instruction.Copy parse(
      int line, String keyword, String arguments, List<Heredoc> heredocs) {
    boolean add = keyword.equals("ADD");
    FlagReader.Split split =
        FlagReader.read(line, keyword, arguments, add ? ADD_FLAGS : COPY_FLAGS);
    String from = null;
    String chown = null;
    String chmod = null;
    boolean link = false;
    List<Flag> other = new ArrayList<>();
    for (Flag flag : split.flags()) {
      switch (flag.name()) {
        case "from":
          from = value(line, flag);
          break;
        case "chown":
          chown = value(line, flag);
          break;
        case "chmod":
          chmod = value(line, flag);
          break;
        case "link":
          link = flag.value() == null || Boolean.parseBoolean(flag.value());
          break;
        default:
          other.add(flag);
      }
    }
    List<String> words =
        InstructionParser.jsonArray(split.rest()).orElseGet(() -> Words.byWhitespace(split.rest()));
    if (words.size() < 2) {
      throw DockerfileError.at(
          line,
          keyword
              + " requires at least two arguments, but only "
              + (words.isEmpty() ? "none were" : "one was")
              + " provided. Destination could not be determined.");
    }
    return new Instruction.Copy(
        line,
        add,
        new Instruction.CopyOptions(from, chown, chmod, link, other),
        words.subList(0, words.size() - 1),
        words.get(words.size() - 1),
        heredocs);
  }

  private static String value(int line, Flag flag) {
    if (flag.value() == null || flag.value().isEmpty()) {
      throw DockerfileError.at(
          line, "flag --" + flag.name() + " needs a value: --" + flag.name() + "=...");
    }
    return flag.value();
  }
}

package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** The {@code key=value} lists of ENV, LABEL and ARG, plus the legacy {@code ENV key value}. */
final class KeyValueParser {

  private KeyValueParser() {}

  static List<KeyValue> pairs(int line, String keyword, String arguments, char escape) {
    List<String> words = Words.quoted(InstructionParser.required(line, keyword, arguments), escape);
    if (words.get(0).indexOf('=') < 0) {
      // Legacy form: the first word is the key, everything after it the value.
      if (words.size() < 2) {
        throw DockerfileError.at(
            line, keyword + " must have two arguments: " + keyword + " key=value (or key value)");
      }
      String rest = arguments.strip().substring(words.get(0).length()).strip();
      return List.of(new KeyValue(words.get(0), rest));
    }
    List<KeyValue> pairs = new ArrayList<>();
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals < 0) {
        throw DockerfileError.at(
            line,
            "Syntax error - can't find = in \""
                + word
                + "\". Must be of the form: "
                + keyword
                + " name=value");
      }
      if (equals == 0) {
        throw DockerfileError.at(line, keyword + " names can not be blank: \"" + word + "\"");
      }
      pairs.add(new KeyValue(word.substring(0, equals), word.substring(equals + 1)));
    }
    return pairs;
  }

  static List<Instruction.Arg.Declaration> declarations(int line, String arguments, char escape) {
    List<Instruction.Arg.Declaration> declarations = new ArrayList<>();
    for (String word : Words.quoted(InstructionParser.required(line, "ARG", arguments), escape)) {
      int equals = word.indexOf('=');
      String name = equals < 0 ? word : word.substring(0, equals);
      if (name.isEmpty()) {
        throw DockerfileError.at(line, "ARG names can not be blank: \"" + word + "\"");
      }
      declarations.add(
          new Instruction.Arg.Declaration(name, equals < 0 ? null : word.substring(equals + 1)));
    }
    return declarations;
  }
}

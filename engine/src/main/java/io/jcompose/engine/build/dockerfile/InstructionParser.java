package io.jcompose.engine.build.dockerfile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one logical line into its typed {@link Instruction}. */
final class InstructionParser {

  private static final ObjectReader JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");

  private final char escape;

  InstructionParser(char escape) {
    this.escape = escape;
  }

  Instruction parse(LogicalLine logical) {
    int line = logical.line();
    String text = logical.text().strip();
    int space = 0;
    while (space < text.length() && !Character.isWhitespace(text.charAt(space))) {
      space++;
    }
    String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
    String arguments = text.substring(space).strip();
    switch (keyword) {
      case "FROM":
        return from(line, arguments);
      case "RUN":
        {
          FlagReader.Split split =
              FlagReader.read(line, keyword, arguments, Set.of("mount", "network", "security"));
          return new Instruction.Run(
              line, split.flags(), command(line, keyword, split.rest()), logical.heredocs());
        }
      case "CMD":
        return new Instruction.Cmd(line, command(line, keyword, noFlags(line, keyword, arguments)));
      case "ENTRYPOINT":
        return new Instruction.Entrypoint(
            line, command(line, keyword, noFlags(line, keyword, arguments)));
      case "COPY":
      case "ADD":
        return CopyParser.parse(line, keyword, arguments, logical.heredocs());
      case "WORKDIR":
        return new Instruction.Workdir(line, required(line, keyword, arguments));
      case "ENV":
        return new Instruction.Env(line, KeyValueParser.pairs(line, keyword, arguments, escape));
      case "LABEL":
        return new Instruction.Label(line, KeyValueParser.pairs(line, keyword, arguments, escape));
      case "ARG":
        return new Instruction.Arg(line, KeyValueParser.declarations(line, arguments, escape));
      case "EXPOSE":
        return new Instruction.Expose(line, Words.byWhitespace(required(line, keyword, arguments)));
      case "USER":
        return new Instruction.User(line, required(line, keyword, arguments));
      case "VOLUME":
        return new Instruction.Volume(line, volumes(line, arguments));
      case "HEALTHCHECK":
        return HealthcheckParser.parse(line, arguments, this);
      case "SHELL":
        return new Instruction.Shell(line, shell(line, arguments));
      case "STOPSIGNAL":
        return new Instruction.StopSignal(line, required(line, keyword, arguments));
      case "ONBUILD":
        return onBuild(line, arguments);
      case "MAINTAINER":
        return new Instruction.Maintainer(line, required(line, keyword, arguments));
      default:
        throw DockerfileError.at(line, "unknown instruction: " + text.substring(0, space));
    }
  }

  private Instruction from(int line, String arguments) {
    FlagReader.Split split = FlagReader.read(line, "FROM", arguments, Set.of("platform"));
    String platform = null;
    for (Flag flag : split.flags()) {
      platform = flag.value();
    }
    List<String> words = Words.byWhitespace(split.rest());
    if (words.size() == 1) {
      return new Instruction.From(line, platform, words.get(0), null);
    }
    if (words.size() != 3 || !words.get(1).equalsIgnoreCase("AS")) {
      throw DockerfileError.at(
          line, "FROM requires either one or three arguments: FROM image [AS name]");
    }
    String name = words.get(2).toLowerCase(Locale.ROOT);
    if (!STAGE_NAME.matcher(name).matches()) {
      throw DockerfileError.at(
          line,
          "invalid name for build stage: \""
              + words.get(2)
              + "\", name can't start with a number or contain symbols");
    }
    return new Instruction.From(line, platform, words.get(0), name);
  }

  /** Exec form when the arguments are a JSON array of strings, shell form otherwise. */
  Command command(int line, String keyword, String arguments) {
    Optional<List<String>> json = jsonArray(arguments);
    if (json.isPresent()) {
      return new Command.Exec(json.get());
    }
    return new Command.Shell(required(line, keyword, arguments));
  }

  private Instruction onBuild(int line, String arguments) {
    String expression = required(line, "ONBUILD", arguments);
    String keyword = expression.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (keyword.equals("ONBUILD")) {
      throw DockerfileError.at(line, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
    if (keyword.equals("FROM") || keyword.equals("MAINTAINER")) {
      throw DockerfileError.at(line, keyword + " isn't allowed as an ONBUILD trigger");
    }
    return new Instruction.OnBuild(line, parse(new LogicalLine(line, expression)), expression);
  }

  private static List<String> volumes(int line, String arguments) {
    List<String> paths = jsonArray(arguments).orElseGet(() -> Words.byWhitespace(arguments));
    if (paths.isEmpty() || paths.stream().anyMatch(String::isBlank)) {
      throw DockerfileError.at(line, "VOLUME specified can not be an empty string");
    }
    return paths;
  }

  private static List<String> shell(int line, String arguments) {
    List<String> shell =
        jsonArray(arguments)
            .orElseThrow(
                () ->
                    DockerfileError.at(
                        line,
                        "SHELL requires the arguments to be in JSON form, e.g."
                            + " SHELL [\"/bin/sh\", \"-c\"], not: "
                            + arguments));
    if (shell.isEmpty()) {
      throw DockerfileError.at(line, "SHELL requires at least one argument");
    }
    return shell;
  }

  static String required(int line, String keyword, String arguments) {
    if (arguments.isBlank()) {
      throw DockerfileError.at(line, keyword + " requires at least one argument");
    }
    return arguments.strip();
  }

  private static String noFlags(int line, String keyword, String arguments) {
    return FlagReader.read(line, keyword, arguments, Set.of()).rest();
  }

  /** The strings of a JSON array, or empty when the text is not a JSON array of strings. */
  static Optional<List<String>> jsonArray(String text) {
    if (!text.strip().startsWith("[")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isArray()) {
        return Optional.empty();
      }
      List<String> values = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          return Optional.empty();
        }
        values.add(element.textValue());
      }
      return Optional.of(values);
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}

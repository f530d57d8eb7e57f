package io.jcompose.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --change} instructions of {@code docker import} the engine applies: {@code CMD},
 * {@code ENTRYPOINT} (JSON or shell form), {@code ENV} ({@code K=V ...} or {@code K V}) and {@code
 * WORKDIR}.
 */
final class ImportChanges {

  private ImportChanges() {}

  /**
   * @throws EngineFault.InvalidArgument quoting an instruction it does not apply or cannot read
   */
  static ConfigJson.ContainerConfig apply(List<String> changes) {
    var config = new ConfigJson.ContainerConfig();
    for (String change : changes) {
      String trimmed = change.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      String instruction = parts[0].toUpperCase(Locale.ROOT);
      String argument = parts.length > 1 ? parts[1].strip() : "";
      switch (instruction) {
        case "CMD" -> config.cmd = command(argument, change);
        case "ENTRYPOINT" -> config.entrypoint = command(argument, change);
        case "ENV" -> {
          if (config.env == null) {
            config.env = new ArrayList<>();
          }
          config.env.addAll(environment(argument, change));
        }
        case "WORKDIR" -> {
          if (argument.isEmpty()) {
            throw invalid(change, "WORKDIR needs a path");
          }
          config.workingDir = argument;
        }
        default ->
            throw invalid(
                change, "docker import changes may be CMD, ENTRYPOINT, ENV or WORKDIR only");
      }
    }
    return config;
  }

  private static List<String> command(String argument, String change) {
    if (argument.startsWith("[")) {
      try {
        List<String> words =
            ConfigTranslator.JSON.readValue(argument, new TypeReference<List<String>>() {});
        if (words == null || words.contains(null)) {
          throw invalid(change, "the JSON form must be an array of strings");
        }
        return words;
      } catch (IOException e) {
        throw invalid(change, "the JSON form must be an array of strings");
      }
    }
    if (argument.isEmpty()) {
      throw invalid(change, "it needs a command");
    }
    return List.of("/bin/sh", "-c", argument);
  }

  private static List<String> environment(String argument, String change) {
    if (argument.isEmpty()) {
      throw invalid(change, "ENV needs a name and a value");
    }
    String[] first = argument.split("\\s+", 2);
    if (!first[0].contains("=")) {
      return List.of(first[0] + "=" + (first.length > 1 ? first[1] : ""));
    }
    var variables = new ArrayList<String>();
    for (String pair : argument.split("\\s+")) {
      if (!pair.contains("=") || pair.startsWith("=")) {
        throw invalid(change, "expected NAME=VALUE pairs");
      }
      variables.add(pair);
    }
    return variables;
  }

  private static EngineFault.InvalidArgument invalid(String change, String reason) {
    return new EngineFault.InvalidArgument(
        "\"" + change + "\" is not a valid change command: " + reason);
  }
}

package io.jcompose.engine.build.dockerfile;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [--interval=...] CMD command}. */
final class HealthcheckParser {

  private static final Set<String> FLAGS =
      Set.of("interval", "timeout", "start-period", "start-interval", "retries");

  private HealthcheckParser() {}

  static Instruction.Healthcheck parse(int line, String arguments, InstructionParser parser) {
    FlagReader.Split split =
        FlagReader.read(
            line, "HEALTHCHECK", InstructionParser.required(line, "HEALTHCHECK", arguments), FLAGS);
    String[] typeAndCommand = split.rest().split("\\s+", 2);
    String type = typeAndCommand[0].toUpperCase(Locale.ROOT);
    if (type.equals("NONE")) {
      if (typeAndCommand.length > 1 || !split.flags().isEmpty()) {
        throw DockerfileError.at(line, "HEALTHCHECK NONE takes no arguments or flags");
      }
      return new Instruction.Healthcheck(line, null, Instruction.HealthOptions.NONE);
    }
    if (!type.equals("CMD")) {
      throw DockerfileError.at(
          line, "Unknown type \"" + typeAndCommand[0] + "\" in HEALTHCHECK (try CMD)");
    }
    String command = typeAndCommand.length > 1 ? typeAndCommand[1] : "";
    Duration interval = null;
    Duration timeout = null;
    Duration startPeriod = null;
    Duration startInterval = null;
    Integer retries = null;
    for (Flag flag : split.flags()) {
      switch (flag.name()) {
        case "interval":
          interval = duration(line, flag);
          break;
        case "timeout":
          timeout = duration(line, flag);
          break;
        case "start-period":
          startPeriod = duration(line, flag);
          break;
        case "start-interval":
          startInterval = duration(line, flag);
          break;
        default:
          retries = retries(line, flag);
      }
    }
    return new Instruction.Healthcheck(
        line,
        parser.command(line, "HEALTHCHECK CMD", command),
        new Instruction.HealthOptions(interval, timeout, startPeriod, startInterval, retries));
  }

  private static Duration duration(int line, Flag flag) {
    Duration duration = flag.value() == null ? null : GoDuration.parse(flag.value());
    if (duration == null) {
      throw DockerfileError.at(
          line, "invalid duration in " + flag + " (write it like 30s, 1m30s or 500ms)");
    }
    if (!duration.isZero() && duration.compareTo(Duration.ofMillis(1)) < 0) {
      throw DockerfileError.at(line, "HEALTHCHECK " + flag + " cannot be less than 1ms");
    }
    return duration;
  }

  private static Integer retries(int line, Flag flag) {
    try {
      int retries = Integer.parseInt(flag.value() == null ? "" : flag.value());
      if (retries < 0) {
        throw DockerfileError.at(line, "--retries cannot be negative (" + retries + ")");
      }
      return retries;
    } catch (NumberFormatException notANumber) {
      throw DockerfileError.at(line, "invalid number in " + flag);
    }
  }
}

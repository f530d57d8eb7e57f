package io.jcompose.engine.runtime;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Locale;

/**
 * A Linux signal (x86-64 and arm64 numbering).
 *
 * @param number 1 to 64
 */
public record Signal(int number) {

  public static final Signal HUP = new Signal(1);
  public static final Signal INT = new Signal(2);
  public static final Signal KILL = new Signal(9);
  public static final Signal TERM = new Signal(15);

  private static final int RTMIN = 34;
  private static final int RTMAX = 64;

  /** Names by number; index 0 is unused, 32 and 33 belong to the C library. */
  private static final List<String> NAMES =
      List.of(
          "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
          "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
          "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

  public Signal {
    if (number < 1 || number > RTMAX || number == 32 || number == 33) {
      throw new EngineFault.InvalidArgument("Invalid signal: " + number);
    }
  }

  /**
   * Parses what Docker accepts: {@code SIGKILL}, {@code KILL}, {@code kill}, {@code 9}, {@code
   * SIGRTMIN+3}, {@code IOT}, {@code POLL}.
   *
   * @throws EngineFault.InvalidArgument {@code Invalid signal: <text>}
   */
  public static Signal parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
      try {
        return new Signal(Integer.parseInt(name));
      } catch (NumberFormatException e) {
        throw new EngineFault.InvalidArgument("Invalid signal: " + text);
      }
    }
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    switch (name) {
      case "IOT":
        return new Signal(6);
      case "POLL":
        return new Signal(29);
      case "RTMIN":
        return new Signal(RTMIN);
      case "RTMAX":
        return new Signal(RTMAX);
      default:
        break;
    }
    int index = NAMES.indexOf(name);
    if (index > 0) {
      return new Signal(index);
    }
    for (String base : List.of("RTMIN+", "RTMAX-")) {
      if (name.startsWith(base)) {
        try {
          int offset = Integer.parseInt(name.substring(base.length()));
          return new Signal(base.startsWith("RTMIN") ? RTMIN + offset : RTMAX - offset);
        } catch (NumberFormatException | EngineFault.InvalidArgument e) {
          throw new EngineFault.InvalidArgument("Invalid signal: " + text);
        }
      }
    }
    throw new EngineFault.InvalidArgument("Invalid signal: " + text);
  }

  /** {@code SIGTERM}, {@code SIGRTMIN+3}. */
  public String name() {
    if (number < NAMES.size()) {
      return "SIG" + NAMES.get(number);
    }
    if (number == RTMIN) {
      return "SIGRTMIN";
    }
    return number == RTMAX ? "SIGRTMAX" : "SIGRTMIN+" + (number - RTMIN);
  }

  @Override
  public String toString() {
    return name();
  }
}

package io.jcompose.cli.line;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option of a verb (or of the global command), as data: the fast parser reads it on every run,
 * and {@link PicocliLine} builds picocli's help, usage errors and completion from it.
 *
 * @param names every spelling, short ({@code -f}) and long ({@code --file}); the first long one is
 *     the {@link #key()}
 * @param kind a flag, an option with a value, or help/version (which only picocli handles)
 * @param repeatable whether it may be given more than once (values accumulate)
 * @param inherited whether it is also accepted after the verb (for a global option)
 * @param paramLabel the value's name in help ({@code FILE}); empty for a flag
 * @param description the help text; picocli's {@code ${COMPLETION-CANDIDATES}} and {@code
 *     ${DEFAULT-VALUE}} expand in it
 * @param allowedValues the only values accepted (case-insensitively), empty for any value
 * @param integer whether the value must be an int ({@code --parallel -1})
 * @param defaultValue the value when the option is absent
 */
public record Option(
    List<String> names,
    Kind kind,
    boolean repeatable,
    boolean inherited,
    String paramLabel,
    String description,
    List<String> allowedValues,
    boolean integer,
    Optional<String> defaultValue) {

  /** What an option does with the arguments after it. */
  public enum Kind {
    /** No value: present or absent. */
    FLAG,
    /**
     * One value, as {@code --name value}, {@code --name=value}, {@code -n value} or {@code
     * -nvalue}.
     */
    VALUE,
    /** Prints the usage help (picocli). */
    HELP,
    /** Prints the version (picocli). */
    VERSION
  }

  public Option {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("an option needs a name");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(paramLabel, "paramLabel");
    Objects.requireNonNull(description, "description");
    allowedValues = List.copyOf(allowedValues);
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /** An option without a value. */
  public static Option flag(String description, String... names) {
    return plain(Kind.FLAG, "", description, names);
  }

  /** An option with one value, named {@code paramLabel} in help. */
  public static Option value(String paramLabel, String description, String... names) {
    return plain(Kind.VALUE, paramLabel, description, names);
  }

  /** {@code -h, --help}. */
  public static Option help() {
    return plain(Kind.HELP, "", "Show this help message and exit.", "-h", "--help");
  }

  /** {@code -V, --version}. */
  public static Option version() {
    return plain(Kind.VERSION, "", "Print version information and exit.", "-V", "--version");
  }

  /** Once, before the verb, any value: what the {@code as}/{@code with} methods refine. */
  private static Option plain(Kind kind, String paramLabel, String description, String... names) {
    return new Option(
        List.of(names),
        kind,
        false,
        false,
        paramLabel,
        description,
        List.of(),
        false,
        Optional.empty());
  }

  /** This option, accepted any number of times. */
  public Option asRepeatable() {
    return new Option(
        names,
        kind,
        true,
        inherited,
        paramLabel,
        description,
        allowedValues,
        integer,
        defaultValue);
  }

  /** This option, also accepted after the verb. */
  public Option asInherited() {
    return new Option(
        names,
        kind,
        repeatable,
        true,
        paramLabel,
        description,
        allowedValues,
        integer,
        defaultValue);
  }

  /** This option, accepting only {@code values} (case-insensitively). */
  public Option withAllowedValues(List<String> values) {
    return new Option(
        names, kind, repeatable, inherited, paramLabel, description, values, integer, defaultValue);
  }

  /** This option, accepting only an int. */
  public Option withIntegerValue() {
    return new Option(
        names,
        kind,
        repeatable,
        inherited,
        paramLabel,
        description,
        allowedValues,
        true,
        defaultValue);
  }

  /** This option, worth {@code value} when absent. */
  public Option withDefault(String value) {
    return new Option(
        names,
        kind,
        repeatable,
        inherited,
        paramLabel,
        description,
        allowedValues,
        integer,
        Optional.of(value));
  }

  /** The name parsed values are filed under: the first long name, else the first name. */
  public String key() {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).startsWith("--")) {
        return names.get(i);
      }
    }
    return names.get(0);
  }

  public boolean takesValue() {
    return kind == Kind.VALUE;
  }

  /** Whether {@code name} ({@code --file}, {@code -f}) is one of this option's spellings. */
  public boolean hasName(String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code -c} is one of this option's spellings. */
  public boolean hasShortName(char letter) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) == letter) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code value} as stored: itself when any value goes, else the allowed value it names
   * (case-insensitively), or null when it is not acceptable.
   */
  public String accept(String value) {
    if (integer) {
      return isInt(value) ? value : null;
    }
    if (allowedValues.isEmpty()) {
      return value;
    }
    for (int i = 0; i < allowedValues.size(); i++) {
      if (allowedValues.get(i).equalsIgnoreCase(value)) {
        return allowedValues.get(i);
      }
    }
    return null;
  }

  /** Whether Integer.parseInt would take {@code value} (checked without throwing). */
  private static boolean isInt(String value) {
    int start = !value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
    if (start == value.length() || value.length() - start > 10) {
      return false;
    }
    long number = 0;
    for (int i = start; i < value.length(); i++) {
      char digit = value.charAt(i);
      if (digit < '0' || digit > '9') {
        return false;
      }
      number = number * 10 + (digit - '0');
    }
    return number <= (value.charAt(0) == '-' ? 1L + Integer.MAX_VALUE : Integer.MAX_VALUE);
  }
}

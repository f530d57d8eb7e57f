package io.jcompose.cli.line;

/**
 * The fast path: reads a command line against a {@link Grammar} without reflection, lambdas or
 * picocli, in well under a millisecond cold. It understands global options before the verb (and
 * inherited ones after it), {@code --name value}, {@code --name=value}, {@code -n value}, {@code
 * -nvalue}, bundled flags ({@code -qd}), repeatable options, allowed values, {@code --} and
 * positionals. Anything else (help, version, an unknown option or verb, a repeated single option, a
 * bad value, no verb) returns null: {@link PicocliLine} then reads the line again and reports what
 * is wrong exactly as picocli would.
 */
public final class LineParser {

  private static final int REJECT = -1;

  private final Grammar grammar;
  private final String[] args;
  private final Values.Builder global = new Values.Builder();
  private final Values.Builder local = new Values.Builder();
  private final Values.Builder inheritedAfterVerb = new Values.Builder();

  private LineParser(Grammar grammar, String[] args) {
    this.grammar = grammar;
    this.args = args;
  }

  /** The parsed line, or null when picocli must read it (help, an error, anything unusual). */
  public static ParsedLine parse(Grammar grammar, String[] args) {
    return new LineParser(grammar, args).parse();
  }

  private ParsedLine parse() {
    int index = 0;
    Verb verb = null;
    while (index < args.length && verb == null) {
      String arg = args[index];
      if (isOption(arg)) {
        index = option(grammar.root(), arg, index);
        if (index == REJECT) {
          return null;
        }
      } else {
        verb = grammar.verb(arg);
        if (verb == null) {
          return null;
        }
        index++;
      }
    }
    if (verb == null) {
      return null;
    }
    boolean optionsEnded = false;
    while (index < args.length) {
      String arg = args[index];
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
        index++;
      } else if (!optionsEnded && isOption(arg)) {
        index = option(verb, arg, index);
        if (index == REJECT) {
          return null;
        }
      } else {
        local.positional(arg);
        optionsEnded |= verb.optionsEndAtPositional();
        index++;
      }
    }
    int count = local.positionalCount();
    if (count < verb.minPositionals() || count > verb.maxPositionals()) {
      return null;
    }
    return new ParsedLine(verb.name(), global.build(), local.build());
  }

  /** Reads the option(s) at {@code args[index]}; the next index, or {@link #REJECT}. */
  private int option(Verb verb, String arg, int index) {
    if (arg.equals("--")) {
      return REJECT;
    }
    if (arg.startsWith("--")) {
      return longOption(verb, arg, index);
    }
    int position = 1;
    while (position < arg.length()) {
      Target target = find(verb, arg.charAt(position), null);
      if (target == null) {
        return REJECT;
      }
      if (target.option.kind() == Option.Kind.FLAG) {
        if (!target.add("true")) {
          return REJECT;
        }
        position++;
        continue;
      }
      if (position + 1 < arg.length()) {
        // -fVALUE; -f=VALUE is left to picocli
        return arg.charAt(position + 1) == '=' || !target.add(arg.substring(position + 1))
            ? REJECT
            : index + 1;
      }
      return separateValue(verb, target, index);
    }
    return index + 1;
  }

  private int longOption(Verb verb, String arg, int index) {
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    Target target = find(verb, '\0', name);
    if (target == null) {
      return REJECT;
    }
    if (target.option.kind() == Option.Kind.FLAG) {
      return equals < 0 && target.add("true") ? index + 1 : REJECT;
    }
    if (equals >= 0) {
      return target.add(arg.substring(equals + 1)) ? index + 1 : REJECT;
    }
    return separateValue(verb, target, index);
  }

  /** The value in the next argument; picocli refuses one that looks like an option or a verb. */
  private int separateValue(Verb verb, Target target, int index) {
    if (index + 1 >= args.length) {
      return REJECT;
    }
    String value = args[index + 1];
    if (isOption(value) || (verb == grammar.root() && grammar.verb(value) != null)) {
      return REJECT;
    }
    return target.add(value) ? index + 2 : REJECT;
  }

  /**
   * The option spelt {@code name} (or {@code -letter} when name is null) and where its values go:
   * the verb's own, else the global command's inherited ones. Null for an unknown option and for
   * help and version, which picocli prints.
   */
  private Target find(Verb verb, char letter, String name) {
    Option option = name == null ? verb.shortOption(letter) : verb.option(name);
    Values.Builder values = verb == grammar.root() ? global : local;
    Values.Builder seen = null;
    if (option == null && verb != grammar.root()) {
      option = name == null ? grammar.root().shortOption(letter) : grammar.root().option(name);
      if (option != null && !option.inherited()) {
        option = null;
      }
      values = global;
      seen = inheritedAfterVerb;
    }
    if (option == null
        || option.kind() == Option.Kind.HELP
        || option.kind() == Option.Kind.VERSION) {
      return null;
    }
    return new Target(option, values, seen);
  }

  private static boolean isOption(String arg) {
    return arg.length() > 1 && arg.charAt(0) == '-';
  }

  /** An option and the values it is collected into. */
  private static final class Target {
    final Option option;
    final Values.Builder values;
    final Values.Builder seen;

    /**
     * {@code seen} is null, or (for a global option after the verb) where it is counted on its own:
     * picocli accepts {@code --debug} once before and once after the verb.
     */
    Target(Option option, Values.Builder values, Values.Builder seen) {
      this.option = option;
      this.values = values;
      this.seen = seen;
    }

    /** Adds a value; false when it is not allowed or the option may not be repeated. */
    boolean add(String value) {
      String accepted = option.accept(value);
      if (accepted == null) {
        return false;
      }
      if (seen == null) {
        return values.add(option, accepted);
      }
      if (!seen.add(option, accepted)) {
        return false;
      }
      return (!option.repeatable() && values.has(option)) || values.add(option, accepted);
    }
  }
}

package io.jcompose.cli.line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one command's part of the line said: the options given (by {@link Option#key()}, each with
 * its values in order; a flag holds {@code "true"}) and the positional arguments.
 *
 * @param options the options given, by key
 * @param positionals the positional arguments, in order
 */
public record Values(Map<String, List<String>> options, List<String> positionals) {

  public static final Values NONE = new Values(Map.of(), List.of());

  public Values {
    var copy = new HashMap<String, List<String>>();
    for (Map.Entry<String, List<String>> entry : options.entrySet()) {
      copy.put(entry.getKey(), List.copyOf(entry.getValue()));
    }
    options = Map.copyOf(copy);
    positionals = List.copyOf(positionals);
  }

  /** Whether the option was given. */
  public boolean has(Option option) {
    return options.containsKey(option.key());
  }

  /** The option's value (the last one given), else its default. */
  public Optional<String> value(Option option) {
    List<String> given = options.get(option.key());
    if (given == null || given.isEmpty()) {
      return option.defaultValue();
    }
    return Optional.of(given.get(given.size() - 1));
  }

  /** Every value given for a repeatable option, in order; empty when absent. */
  public List<String> values(Option option) {
    List<String> given = options.get(option.key());
    return given == null ? List.of() : given;
  }

  /** Collects values while a parser reads the line. */
  static final class Builder {
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();

    boolean has(Option option) {
      return options.containsKey(option.key());
    }

    /**
     * Adds a value (already checked against the allowed ones); false when a second value is not
     * allowed.
     */
    boolean add(Option option, String value) {
      List<String> given = options.get(option.key());
      if (given == null) {
        given = new ArrayList<>(1);
        options.put(option.key(), given);
      } else if (!option.repeatable()) {
        return false;
      }
      given.add(value);
      return true;
    }

    void positional(String argument) {
      positionals.add(argument);
    }

    int positionalCount() {
      return positionals.size();
    }

    Values build() {
      return new Values(options, positionals);
    }
  }
}

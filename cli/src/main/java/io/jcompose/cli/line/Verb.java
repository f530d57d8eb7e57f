package io.jcompose.cli.line;

import java.util.List;
import java.util.Objects;

/**
 * A command's line, as data: its name, its options and its positionals. The global command is a
 * verb too (named {@code jcompose}, without positionals).
 *
 * @param name what the user types ({@code config})
 * @param description one line for help
 * @param options every option, in help order
 * @param positionals the positional parameters, in order
 * @param optionsEndAtPositional everything after the first positional argument is positional
 *     ({@code exec SERVICE COMMAND -x}: the {@code -x} is the command's), as cobra's {@code
 *     SetInterspersed(false)}
 */
public record Verb(
    String name,
    String description,
    List<Option> options,
    List<Positional> positionals,
    boolean optionsEndAtPositional) {

  public Verb {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    options = List.copyOf(options);
    positionals = List.copyOf(positionals);
  }

  /** A verb whose options may come anywhere on its line. */
  public Verb(String name, String description, List<Option> options, List<Positional> positionals) {
    this(name, description, options, positionals, false);
  }

  /** This verb with its options ending at the first positional argument. */
  public Verb optionsEndingAtPositional() {
    return new Verb(name, description, options, positionals, true);
  }

  /** The option spelt {@code name} ({@code --file}, {@code -f}), or null. */
  public Option option(String name) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).hasName(name)) {
        return options.get(i);
      }
    }
    return null;
  }

  /** The option spelt {@code -letter}, or null. */
  public Option shortOption(char letter) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).hasShortName(letter)) {
        return options.get(i);
      }
    }
    return null;
  }

  /** The most positional arguments this verb takes ({@link Positional#UNBOUNDED} for no limit). */
  int maxPositionals() {
    long total = 0;
    for (int i = 0; i < positionals.size(); i++) {
      total += positionals.get(i).max();
    }
    return (int) Math.min(total, Positional.UNBOUNDED);
  }

  /** The fewest positional arguments this verb needs. */
  int minPositionals() {
    int total = 0;
    for (int i = 0; i < positionals.size(); i++) {
      total += positionals.get(i).min();
    }
    return total;
  }
}

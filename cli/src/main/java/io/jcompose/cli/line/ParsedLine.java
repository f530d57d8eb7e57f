package io.jcompose.cli.line;

import java.util.Objects;

/**
 * A parsed command line, the same whichever parser read it.
 *
 * @param verb the verb's name ({@code config})
 * @param global the global options (given before the verb, or inherited ones after it)
 * @param local the verb's options and positional arguments
 */
public record ParsedLine(String verb, Values global, Values local) {

  public ParsedLine {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(local, "local");
  }
}

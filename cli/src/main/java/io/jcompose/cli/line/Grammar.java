package io.jcompose.cli.line;

import java.util.List;
import java.util.Objects;

/**
 * The whole command line: the global command and its verbs. The one source both parsers, the help
 * and the completion script are built from.
 *
 * @param root the global command (its name is the program's, its options the global ones)
 * @param verbs the verbs, in help order
 */
public record Grammar(Verb root, List<Verb> verbs) {

  public Grammar {
    Objects.requireNonNull(root, "root");
    verbs = List.copyOf(verbs);
  }

  /** The verb named {@code name}, or null. */
  public Verb verb(String name) {
    for (int i = 0; i < verbs.size(); i++) {
      if (verbs.get(i).name().equals(name)) {
        return verbs.get(i);
      }
    }
    return null;
  }
}

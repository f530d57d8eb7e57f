package io.jcompose.engine.build.dockerfile;

import java.util.Map;

/**
 * The parser directives at the top of a Dockerfile ({@code # syntax=...}, {@code # escape=`},
 * {@code # check=...}), by lower-cased name.
 */
public record Directives(Map<String, String> values) {
  public Directives {
    values = Map.copyOf(values);
  }

  /** The escape character: {@code \} unless {@code # escape=`} says otherwise. */
  public char escape() {
    String escape = values.get("escape");
    return escape == null ? '\\' : escape.charAt(0);
  }
}

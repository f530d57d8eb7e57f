package io.jcompose.model.canonical;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;

/**
 * Rewrites a merged, schema-valid document into docker compose's canonical long form: short syntax
 * to long syntax, typed values cast, defaults filled in, normalisation and relative paths.
 */
public final class Canonicalizer {

  private Canonicalizer() {}

  public static MapNode canonicalize(
      MapNode document, CanonicalContext context, Diagnostics diagnostics) {
    throw new UnsupportedOperationException("not yet");
  }
}

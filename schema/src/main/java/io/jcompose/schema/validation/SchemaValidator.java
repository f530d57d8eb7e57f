package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import java.util.List;

/** Validates a compose document against the vendored compose-spec JSON schema. */
public final class SchemaValidator {

  private SchemaValidator() {}

  /** The validator for the vendored compose-spec.json, loaded once and shared. */
  public static SchemaValidator composeSpec() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every violation, located at the offending node, in plain words, with hints where known. */
  public List<Diagnostic> validate(MapNode document) {
    throw new UnsupportedOperationException("not yet");
  }
}

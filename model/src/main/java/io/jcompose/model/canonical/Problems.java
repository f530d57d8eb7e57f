package io.jcompose.model.canonical;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;

/**
 * Where the canonical stage reports. Without interpolation ({@code config --no-interpolate}) a
 * value may still hold {@code ${VAR}}; like compose-go, such values are kept as written instead of
 * being reported as unparsable.
 */
final class Problems {

  private final Diagnostics diagnostics;
  private final boolean keepUnparsable;

  Problems(Diagnostics diagnostics, boolean keepUnparsable) {
    this.diagnostics = diagnostics;
    this.keepUnparsable = keepUnparsable;
  }

  void error(Position position, YamlPath path, String message, String hint) {
    diagnostics.error(position, path, message, hint);
  }

  void warning(Position position, YamlPath path, String message) {
    diagnostics.warning(position, path, message);
  }

  /**
   * A value that does not parse: reported as an error, unless the document was not interpolated.
   *
   * @return true when the caller should keep the value as written
   */
  boolean unparsable(Position position, YamlPath path, String message, String hint) {
    if (keepUnparsable) {
      return true;
    }
    diagnostics.error(position, path, message, hint);
    return false;
  }
}

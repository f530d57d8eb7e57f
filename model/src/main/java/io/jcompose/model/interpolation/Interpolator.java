package io.jcompose.model.interpolation;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Docker compose's variable interpolation: {@code ${VAR}}, {@code :-}, {@code :?}, ... */
public final class Interpolator {

  private final Function<String, Optional<String>> lookup;

  /** {@code lookup} answers a variable's value, or empty when it is unset. */
  public Interpolator(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /**
   * Interpolates one string. {@code unsetVariable} hears the name of each variable that was used
   * without a default while unset.
   */
  public String interpolate(String text, Consumer<String> unsetVariable)
      throws InterpolationException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Interpolates every string value (never a key) of a tree and returns the new tree. Errors and
   * unset-variable warnings become diagnostics at the scalar's position.
   */
  public Node interpolateTree(Node root, YamlPath path, Diagnostics diagnostics) {
    throw new UnsupportedOperationException("not yet");
  }
}

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
    if (text.indexOf('$') < 0) {
      return text;
    }
    var result = new StringBuilder(text.length());
    evaluate(TemplateParser.parse(text), unsetVariable, result);
    return result.toString();
  }

  /**
   * Interpolates every string value (never a key) of a tree and returns the new tree. Errors and
   * unset-variable warnings become diagnostics at the scalar's position.
   */
  public Node interpolateTree(Node root, YamlPath path, Diagnostics diagnostics) {
    return new TreeInterpolation(this, path, diagnostics).visit(root);
  }

  private void evaluate(Template template, Consumer<String> unsetVariable, StringBuilder out)
      throws InterpolationException {
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Template.Reference reference) {
        evaluate(reference, unsetVariable, out);
      }
    }
  }

  private void evaluate(
      Template.Reference reference, Consumer<String> unsetVariable, StringBuilder out)
      throws InterpolationException {
    Optional<String> value = lookup.apply(reference.name());
    boolean set = value.isPresent();
    boolean nonEmpty = set && !value.get().isEmpty();
    switch (reference.operator()) {
      case NONE -> {
        if (set) {
          out.append(value.get());
        } else {
          unsetVariable.accept(reference.name());
        }
      }
      case DEFAULT_WHEN_EMPTY -> appendValueOrWord(nonEmpty, value, reference, unsetVariable, out);
      case DEFAULT_WHEN_UNSET -> appendValueOrWord(set, value, reference, unsetVariable, out);
      case REQUIRED_NON_EMPTY -> appendValueOrFail(nonEmpty, value, reference, unsetVariable, out);
      case REQUIRED_SET -> appendValueOrFail(set, value, reference, unsetVariable, out);
      case ALTERNATE_WHEN_NON_EMPTY -> {
        if (nonEmpty) {
          evaluate(reference.word(), unsetVariable, out);
        }
      }
      case ALTERNATE_WHEN_SET -> {
        if (set) {
          evaluate(reference.word(), unsetVariable, out);
        }
      }
    }
  }

  private void appendValueOrWord(
      boolean useValue,
      Optional<String> value,
      Template.Reference reference,
      Consumer<String> unsetVariable,
      StringBuilder out)
      throws InterpolationException {
    if (useValue) {
      out.append(value.orElseThrow());
    } else {
      evaluate(reference.word(), unsetVariable, out);
    }
  }

  private void appendValueOrFail(
      boolean useValue,
      Optional<String> value,
      Template.Reference reference,
      Consumer<String> unsetVariable,
      StringBuilder out)
      throws InterpolationException {
    if (useValue) {
      out.append(value.orElseThrow());
      return;
    }
    var message = new StringBuilder();
    evaluate(reference.word(), unsetVariable, message);
    String prefix = "required variable " + reference.name() + " is missing a value";
    throw new InterpolationException(message.length() == 0 ? prefix : prefix + ": " + message);
  }
}

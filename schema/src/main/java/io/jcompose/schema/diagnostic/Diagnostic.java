package io.jcompose.schema.diagnostic;

import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.util.Objects;

/**
 * One problem found in a compose project, located at a file, line and column, with the YAML path of
 * the offending value, a message in plain words and, where there is one, a hint.
 */
public record Diagnostic(
    Severity severity, Position position, YamlPath path, String message, String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public static Diagnostic error(Position position, YamlPath path, String message) {
    return new Diagnostic(Severity.ERROR, position, path, message, "");
  }

  public static Diagnostic error(Position position, YamlPath path, String message, String hint) {
    return new Diagnostic(Severity.ERROR, position, path, message, hint);
  }

  public static Diagnostic warning(Position position, YamlPath path, String message) {
    return new Diagnostic(Severity.WARNING, position, path, message, "");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public boolean hasHint() {
    return !hint.isEmpty();
  }

  /**
   * The diagnostic as one or two lines: {@code compose.yaml:3:5: error: services.web.ports[0]:
   * invalid port "80:x"} followed by an indented hint.
   */
  public String render() {
    var text = new StringBuilder();
    if (!position.file().isEmpty()) {
      text.append(position).append(": ");
    }
    text.append(severity.label()).append(": ");
    if (path.depth() > 0) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (hasHint()) {
      text.append(System.lineSeparator()).append("  hint: ").append(hint);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}

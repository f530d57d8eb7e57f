package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.List;

/** {@code command}, {@code entrypoint} and {@code healthcheck.test}. */
final class CommandForms {

  private CommandForms() {}

  /**
   * A string command is split shell-style into its arguments (not run through a shell); list items
   * become strings; null stays null (meaning "not set").
   */
  static Node command(Node command, YamlPath path, Problems problems) {
    if (command instanceof ScalarNode scalar && scalar.isString()) {
      try {
        return strings(ShellWords.split(scalar.text()), scalar.position());
      } catch (IllegalArgumentException e) {
        problems.unparsable(
            scalar.position(),
            path,
            e.getMessage(),
            "close the quote or write the command as a list");
        return command;
      }
    }
    if (command instanceof SeqNode seq) {
      var items = new ArrayList<Node>();
      for (Node item : seq.items()) {
        items.add(
            item instanceof ScalarNode s && !s.isString() && !s.isNull()
                ? s.withValue(s.text())
                : item);
      }
      return seq.withItems(items);
    }
    return command;
  }

  /**
   * {@code test: "curl x"} becomes {@code ["CMD-SHELL", "curl x"]}; {@code disable: true} sets the
   * test to {@code ["NONE"]}; a list test must start with CMD, CMD-SHELL or NONE.
   */
  static Node healthcheck(Node healthcheck, YamlPath path, Problems problems) {
    if (!(healthcheck instanceof MapNode map)) {
      return healthcheck;
    }
    MapNode result = map;
    Node test = map.get("test");
    if (test instanceof ScalarNode scalar && scalar.isString()) {
      result = result.with("test", strings(List.of("CMD-SHELL", scalar.text()), scalar.position()));
    } else if (test instanceof SeqNode seq && seq.size() > 0) {
      String first = Trees.text(seq.get(0));
      if (!"CMD".equals(first) && !"CMD-SHELL".equals(first) && !"NONE".equals(first)) {
        problems.error(
            seq.get(0).position(),
            path.key("test").index(0),
            "healthcheck test must start with CMD, CMD-SHELL or NONE, not \"" + first + "\"",
            "write [\"CMD\", \"curl\", \"-f\", \"http://localhost\"] or a plain string for a shell");
      }
    }
    if (Trees.isTrue(map.get("disable"))) {
      result = result.with("test", strings(List.of("NONE"), map.get("disable").position()));
    }
    return result;
  }

  private static SeqNode strings(List<String> values, Position position) {
    var items = new ArrayList<Node>();
    for (String value : values) {
      items.add(scalar(value, position));
    }
    return Trees.seq(items, position);
  }
}

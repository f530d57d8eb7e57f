package io.jcompose.model.interpolation;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One walk of a node tree that interpolates its string values. Untouched subtrees are returned as
 * they are, and a value's path is only built when a diagnostic needs it.
 */
final class TreeInterpolation {

  private final Interpolator interpolator;
  private final YamlPath basePath;
  private final Diagnostics diagnostics;
  private final List<Object> segments = new ArrayList<>();

  TreeInterpolation(Interpolator interpolator, YamlPath basePath, Diagnostics diagnostics) {
    this.interpolator = interpolator;
    this.basePath = basePath;
    this.diagnostics = diagnostics;
  }

  Node visit(Node node) {
    if (node instanceof ScalarNode scalar) {
      return visitScalar(scalar);
    }
    if (node instanceof MapNode map) {
      return visitMap(map);
    }
    return visitSeq((SeqNode) node);
  }

  private Node visitMap(MapNode map) {
    Map<String, Node> changed = null;
    for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
      segments.add(entry.getKey());
      Node result = visit(entry.getValue());
      segments.remove(segments.size() - 1);
      if (result != entry.getValue()) {
        if (changed == null) {
          changed = new LinkedHashMap<>(map.entries());
        }
        changed.put(entry.getKey(), result);
      }
    }
    return changed == null ? map : map.withEntries(changed);
  }

  private Node visitSeq(SeqNode seq) {
    List<Node> changed = null;
    List<Node> items = seq.items();
    for (int index = 0; index < items.size(); index++) {
      segments.add(index);
      Node result = visit(items.get(index));
      segments.remove(segments.size() - 1);
      if (result != items.get(index)) {
        if (changed == null) {
          changed = new ArrayList<>(items);
        }
        changed.set(index, result);
      }
    }
    return changed == null ? seq : seq.withItems(changed);
  }

  private Node visitScalar(ScalarNode scalar) {
    if (!(scalar.value() instanceof String text) || text.indexOf('$') < 0) {
      return scalar;
    }
    Set<String> unset = new LinkedHashSet<>();
    String result;
    try {
      result = interpolator.interpolate(text, unset::add);
    } catch (InterpolationException e) {
      diagnostics.error(scalar.position(), path(), e.getMessage());
      return scalar;
    }
    for (String name : unset) {
      diagnostics.warning(
          scalar.position(),
          path(),
          "The \"" + name + "\" variable is not set. Defaulting to a blank string.");
    }
    return result.equals(text) ? scalar : scalar.withValue(result);
  }

  private YamlPath path() {
    var all = new ArrayList<>(basePath.segments());
    all.addAll(segments);
    return YamlPath.of(all);
  }
}

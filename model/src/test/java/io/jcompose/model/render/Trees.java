package io.jcompose.model.render;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds node trees for tests from alternating keys and values, keeping insertion order. */
final class Trees {

  private Trees() {}

  static Map<String, Object> map(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static MapNode doc(Object... keysAndValues) {
    return (MapNode) Node.fromPlain(map(keysAndValues), Position.UNKNOWN);
  }
}

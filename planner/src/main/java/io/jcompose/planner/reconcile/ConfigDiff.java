package io.jcompose.planner.reconcile;

import io.jcompose.schema.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which settings differ between two hashed service configurations (the JSON that {@code
 * config-hash} is computed from), named by path: {@code environment.GREETING changed}. Only paths
 * are reported, never values, so a changed password does not end up in a plan.
 */
final class ConfigDiff {

  private static final int SHOWN = 4;

  private final List<String> changes = new ArrayList<>();

  private ConfigDiff() {}

  /**
   * @return the changes in words, or empty text when the documents are equal or one is not JSON
   */
  static String describe(String oldJson, String newJson) {
    Object before;
    Object after;
    try {
      before = JsonText.parse(oldJson);
      after = JsonText.parse(newJson);
    } catch (IllegalArgumentException e) {
      return "";
    }
    var diff = new ConfigDiff();
    diff.compare("", before, after);
    if (diff.changes.isEmpty()) {
      return "";
    }
    List<String> shown = diff.changes.subList(0, Math.min(SHOWN, diff.changes.size()));
    String text = String.join(", ", shown);
    int more = diff.changes.size() - shown.size();
    return more > 0 ? text + " and " + more + " more" : text;
  }

  private void compare(String path, Object before, Object after) {
    if (before instanceof Map<?, ?> oldMap && after instanceof Map<?, ?> newMap) {
      var keys = new TreeSet<String>();
      oldMap.keySet().forEach(key -> keys.add((String) key));
      newMap.keySet().forEach(key -> keys.add((String) key));
      for (String key : keys) {
        String child = path.isEmpty() ? key : path + "." + key;
        if (!oldMap.containsKey(key)) {
          changes.add(child + " added");
        } else if (!newMap.containsKey(key)) {
          changes.add(child + " removed");
        } else {
          compare(child, oldMap.get(key), newMap.get(key));
        }
      }
    } else if (before instanceof List<?> oldList
        && after instanceof List<?> newList
        && oldList.size() == newList.size()) {
      for (int index = 0; index < oldList.size(); index++) {
        compare(path + "[" + index + "]", oldList.get(index), newList.get(index));
      }
    } else if (!Objects.equals(before, after)) {
      changes.add((path.isEmpty() ? "configuration" : path) + " changed");
    }
  }
}

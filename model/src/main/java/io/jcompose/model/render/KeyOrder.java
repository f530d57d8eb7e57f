package io.jcompose.model.render;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which {@code config} prints the keys of a mapping: the top level of a document in
 * docker compose's order, everything else sorted by Unicode code point.
 */
final class KeyOrder {

  /** The top-level sections, in the order docker compose prints them. */
  static final List<String> DOCUMENT_SECTIONS =
      List.of("name", "services", "networks", "volumes", "configs", "secrets", "models");

  /** Compares strings code point by code point (String.compareTo compares UTF-16 units). */
  static final Comparator<String> CODE_POINT_ORDER = new CodePointOrder();

  /** Entries by key in {@link #CODE_POINT_ORDER}. */
  private static final Comparator<Map.Entry<String, Node>> BY_KEY = new ByKey();

  /** Document sections first in their order, then extensions, then the rest, each by key. */
  private static final Comparator<Map.Entry<String, Node>> BY_SECTION = new BySection();

  private KeyOrder() {}

  /** The entries of {@code map} sorted by key. */
  static List<Map.Entry<String, Node>> sorted(MapNode map) {
    var entries = new ArrayList<>(map.entries().entrySet());
    entries.sort(BY_KEY);
    return entries;
  }

  /**
   * The entries of a document's root: the known sections first in their order, then {@code x-*}
   * extensions, then any other key, each group sorted.
   */
  static List<Map.Entry<String, Node>> document(MapNode root) {
    var entries = new ArrayList<>(root.entries().entrySet());
    entries.sort(BY_SECTION);
    return entries;
  }

  private static int rank(Map.Entry<String, Node> entry) {
    int index = DOCUMENT_SECTIONS.indexOf(entry.getKey());
    if (index >= 0) {
      return index;
    }
    return entry.getKey().startsWith("x-")
        ? DOCUMENT_SECTIONS.size()
        : DOCUMENT_SECTIONS.size() + 1;
  }

  // Comparators are classes, not lambdas: config renders once per process, interpreted, and
  // each lambda call site would cost a bootstrap.

  private static final class CodePointOrder implements Comparator<String> {
    @Override
    public int compare(String left, String right) {
      int i = 0;
      int j = 0;
      while (i < left.length() && j < right.length()) {
        int a = left.codePointAt(i);
        int b = right.codePointAt(j);
        if (a != b) {
          return Integer.compare(a, b);
        }
        i += Character.charCount(a);
        j += Character.charCount(b);
      }
      return Integer.compare(left.length() - i, right.length() - j);
    }
  }

  private static final class ByKey implements Comparator<Map.Entry<String, Node>> {
    @Override
    public int compare(Map.Entry<String, Node> left, Map.Entry<String, Node> right) {
      return CODE_POINT_ORDER.compare(left.getKey(), right.getKey());
    }
  }

  private static final class BySection implements Comparator<Map.Entry<String, Node>> {
    @Override
    public int compare(Map.Entry<String, Node> left, Map.Entry<String, Node> right) {
      int order = Integer.compare(rank(left), rank(right));
      return order != 0 ? order : CODE_POINT_ORDER.compare(left.getKey(), right.getKey());
    }
  }
}

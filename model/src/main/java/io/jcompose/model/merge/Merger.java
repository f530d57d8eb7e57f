package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;

/** Docker compose's override rules for {@code -f} files, {@code extends} and {@code include}. */
public final class Merger {

  private Merger() {}

  /** Merges a whole compose document over the model accumulated from earlier files. */
  public static MapNode mergeDocuments(MapNode base, MapNode override) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Merges one service definition over another (extends: the local service over its base). */
  public static MapNode mergeService(MapNode base, MapNode override) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Applies {@code !reset} and {@code !override} tags left in a tree that has nothing to merge
   * with: reset entries are dropped, override tags cleared.
   */
  public static Node applyTags(Node node) {
    throw new UnsupportedOperationException("not yet");
  }
}

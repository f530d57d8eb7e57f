package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;

/**
 * Docker compose's override rules for {@code -f} files, {@code extends} and {@code include}:
 * mappings merged key by key, sequences appended, scalars replaced by the later value, plus the
 * attribute-specific rules of compose-go's {@code override} package and its unicity of keyed lists
 * (a later item replaces an earlier one with the same key in place). {@code !reset} on an override
 * value removes the inherited key, list item or mapping entry; {@code !override} replaces the
 * inherited value instead of merging into it. The results carry no tags.
 *
 * <p>Inputs are never changed. Every node of a result keeps the position it was written at, so a
 * later diagnostic points into the file the value came from. Inherited subtrees the override does
 * not touch are shared, not copied.
 */
public final class Merger {

  private Merger() {}

  /**
   * Merges a whole compose document over the model accumulated from earlier files. {@code
   * mergeDocuments(empty, document)} applies the tags and the unicity of keyed lists to a first
   * document.
   */
  public static MapNode mergeDocuments(MapNode base, MapNode override) {
    return DocumentRules.DOCUMENT.mergeMaps((MapNode) Tags.apply(base), override);
  }

  /** Merges one service definition over another (extends: the local service over its base). */
  public static MapNode mergeService(MapNode base, MapNode override) {
    return ServiceRules.SERVICE.mergeMaps((MapNode) Tags.apply(base), override);
  }

  /**
   * Applies {@code !reset} and {@code !override} tags left in a tree that has nothing to merge
   * with: reset entries are dropped, override tags cleared. A tagged root itself is returned with
   * its tag cleared.
   */
  public static Node applyTags(Node node) {
    return Tags.apply(node);
  }
}

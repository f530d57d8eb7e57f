package io.jcompose.schema.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A YAML sequence. */
public record SeqNode(List<Node> items, Position position, Tag tag) implements Node {

  public SeqNode {
    items = List.copyOf(items);
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(tag, "tag");
  }

  public static SeqNode of(List<? extends Node> items, Position position) {
    return new SeqNode(List.copyOf(items), position, Tag.NONE);
  }

  public int size() {
    return items.size();
  }

  public Node get(int index) {
    return items.get(index);
  }

  public SeqNode withItems(List<? extends Node> newItems) {
    return new SeqNode(List.copyOf(newItems), position, tag);
  }

  @Override
  public SeqNode withTag(Tag newTag) {
    return new SeqNode(items, position, newTag);
  }

  @Override
  public String kindName() {
    return "a list";
  }

  @Override
  public Object toPlain() {
    var list = new ArrayList<Object>(items.size());
    for (Node item : items) {
      list.add(item.toPlain());
    }
    return list;
  }
}

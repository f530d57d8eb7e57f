package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code networks.<name>.ipam.config}: an override entry with the {@code subnet} of an inherited
 * entry is merged into it in place; other entries are appended. A {@code !reset} entry removes the
 * inherited entry with its subnet.
 */
final class IpamConfigRule implements MergeRule {

  static final IpamConfigRule INSTANCE = new IpamConfigRule();

  private IpamConfigRule() {}

  @Override
  public Node merge(Node base, Node override) {
    if (!(base instanceof SeqNode baseSeq && override instanceof SeqNode overrideSeq)) {
      return GenericRule.INSTANCE.merge(base, override);
    }
    var items = new ArrayList<>(baseSeq.items());
    for (Node item : overrideSeq.items()) {
      Optional<String> subnet = subnet(item);
      if (Tags.isReset(item)) {
        items.removeIf(earlier -> subnet(earlier).equals(subnet));
        continue;
      }
      int index = indexOf(items, subnet);
      if (index >= 0 && items.get(index) instanceof MapNode && item instanceof MapNode) {
        items.set(index, GenericRule.MAP.merge(items.get(index), item));
      } else {
        items.add(GenericRule.INSTANCE.alone(item));
      }
    }
    return Tags.untagged(baseSeq.withItems(items));
  }

  private static int indexOf(List<Node> items, Optional<String> subnet) {
    for (int i = 0; i < items.size(); i++) {
      if (subnet(items.get(i)).equals(subnet)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> subnet(Node item) {
    return item instanceof MapNode map ? map.text("subnet") : Optional.empty();
  }
}

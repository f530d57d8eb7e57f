package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;

/**
 * {@code extra_hosts} (service and build): both sides as lists ({@code host=ip}, a mapping sorted
 * as compose sorts it), the override's entries appended unless already present. A {@code !reset}
 * entry removes every inherited entry for its host name.
 */
final class ExtraHostsRule implements MergeRule {

  static final ExtraHostsRule INSTANCE = new ExtraHostsRule();

  private ExtraHostsRule() {}

  @Override
  public Node merge(Node base, Node override) {
    if (MapRule.isNull(override)) {
      return base;
    }
    SeqNode baseList = asList(base);
    SeqNode overrideList = asList(override);
    if (baseList == null || overrideList == null) {
      return alone(override);
    }
    var items = new ArrayList<>(baseList.items());
    var present = new HashSet<>();
    items.forEach(item -> present.add(item.toPlain()));
    for (Node item : overrideList.items()) {
      if (Tags.isReset(item)) {
        String host = host(item);
        items.removeIf(earlier -> host(earlier).equals(host));
        present.clear();
        items.forEach(earlier -> present.add(earlier.toPlain()));
      } else if (present.add(item.toPlain())) {
        items.add(Tags.apply(item));
      }
    }
    return Tags.untagged(baseList.withItems(items));
  }

  private static SeqNode asList(Node node) {
    if (node instanceof SeqNode seq) {
      return seq;
    }
    return node instanceof MapNode map ? KeyValueRule.toList(map) : null;
  }

  /** The host name of {@code host=ip}, {@code host:ip} or a bare {@code host}. */
  private static String host(Node item) {
    String text = Objects.toString(item.toPlain());
    int end = text.length();
    for (char separator : new char[] {'=', ':'}) {
      int at = text.indexOf(separator);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return text.substring(0, end);
  }
}

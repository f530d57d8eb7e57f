package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code oneOf} (exactly one branch) or {@code anyOf} (at least one). When no branch fits, only the
 * errors of the branch the user most likely meant are reported: one written for the node's type,
 * then the one that got deepest into the node, then the one with the fewest errors. When no branch
 * takes the node's type at all, the allowed types are listed instead.
 */
record ChoiceKeyword(List<Schema> branches, boolean exactlyOne) implements Keyword {

  ChoiceKeyword {
    branches = List.copyOf(branches);
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    var allowedTypes = new ArrayList<JsonType>();
    Attempt best = null;
    int passed = 0;
    for (Schema branch : branches) {
      List<JsonType> accepted = branch.acceptedTypes();
      addMissing(accepted, allowedTypes);
      if (!JsonType.anyAccepts(accepted, node)) {
        continue;
      }
      var errors = new ArrayList<Diagnostic>();
      branch.check(node, path, errors);
      if (errors.isEmpty()) {
        passed++;
        if (!exactlyOne) {
          return;
        }
        continue;
      }
      var attempt = new Attempt(errors, branch.namesTypeOf(node));
      if (best == null || attempt.betterThan(best)) {
        best = attempt;
      }
    }
    if (passed == 1 || (passed > 1 && !exactlyOne)) {
      return;
    }
    if (passed > 1) {
      out.add(
          Diagnostic.error(
              node.position(),
              path,
              "is ambiguous: it fits more than one of the allowed forms",
              "write it in one of the forms only"));
    } else if (best != null) {
      out.addAll(best.errors());
    } else {
      out.add(
          Diagnostic.error(
              node.position(),
              path,
              "must be " + JsonType.phrase(allowedTypes) + ", not " + node.kindName()));
    }
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    var accepted = new ArrayList<JsonType>();
    for (Schema branch : branches) {
      List<JsonType> types = branch.acceptedTypes(depth);
      if (types == JsonType.ALL) {
        return JsonType.ALL;
      }
      addMissing(types, accepted);
    }
    return List.copyOf(accepted);
  }

  private static void addMissing(List<JsonType> types, List<JsonType> into) {
    for (JsonType type : types) {
      if (!into.contains(type)) {
        into.add(type);
      }
    }
  }

  /** The errors one branch found. */
  private record Attempt(List<Diagnostic> errors, boolean namesType) {

    int depth() {
      return errors.stream().mapToInt(error -> error.path().depth()).max().orElse(0);
    }

    boolean betterThan(Attempt other) {
      if (namesType != other.namesType) {
        return namesType;
      }
      if (depth() != other.depth()) {
        return depth() > other.depth();
      }
      return errors.size() < other.errors.size();
    }
  }
}

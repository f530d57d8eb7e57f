package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** One compiled schema keyword (or a group that only makes sense together, like properties). */
sealed interface Keyword
    permits RefKeyword,
        PropertiesKeyword,
        RequiredKeyword,
        ItemsKeyword,
        UniqueItemsKeyword,
        ChoiceKeyword,
        AllOfKeyword,
        NotKeyword,
        EnumKeyword,
        BoundKeyword,
        PatternKeyword,
        LengthKeyword,
        NeverKeyword {

  /** Adds a diagnostic to {@code out} for each violation at or below {@code node}. */
  void check(Node node, YamlPath path, List<Diagnostic> out);

  /** The types this keyword lets through; {@link JsonType#ALL} when it does not narrow them. */
  default List<JsonType> acceptedTypes(int depth) {
    return JsonType.ALL;
  }
}

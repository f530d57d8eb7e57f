package io.jcompose.schema.validation;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a JSON Schema document (as a node tree) into {@link Schema} objects, once, so that
 * validation never walks the JSON again. It knows the keywords the compose-spec uses and fails on
 * any other assertion keyword rather than silently ignoring it.
 */
final class SchemaCompiler {

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "$defs",
          "definitions",
          "title",
          "description",
          "default",
          "deprecated",
          "examples",
          "readOnly",
          "writeOnly");

  private final Node document;
  private final Map<String, Schema> targets = new HashMap<>();
  private final Deque<String> pending = new ArrayDeque<>();

  private SchemaCompiler(Node document) {
    this.document = document;
  }

  /** The compiled root schema; every {@code $ref} in it is resolved before this returns. */
  static Schema compile(Node document) {
    var compiler = new SchemaCompiler(document);
    Schema root = compiler.schema(document, "#");
    while (!compiler.pending.isEmpty()) {
      String pointer = compiler.pending.pop();
      if (!compiler.targets.containsKey(pointer)) {
        compiler.targets.put(pointer, compiler.schema(compiler.resolve(pointer), pointer));
      }
    }
    return root;
  }

  private Schema schema(Node node, String pointer) {
    if (node instanceof ScalarNode scalar && scalar.value() instanceof Boolean allowed) {
      return allowed ? Schema.ANY : Schema.NOTHING;
    }
    if (!(node instanceof MapNode map)) {
      throw invalid(pointer, "a schema must be a mapping or a boolean");
    }
    var types = new ArrayList<JsonType>();
    var keywords = new ArrayList<Keyword>();
    Map<String, Schema> properties = new LinkedHashMap<>();
    var patterns = new ArrayList<PropertiesKeyword.PatternProperty>();
    Schema additional = Schema.ANY;
    boolean hasProperties = false;
    for (var entry : map.entries().entrySet()) {
      String key = entry.getKey();
      Node value = entry.getValue();
      String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
      switch (key) {
        case "type" -> types.addAll(types(value, at));
        case "$ref" -> keywords.add(reference(text(value, at), at));
        case "properties" -> {
          hasProperties = true;
          mapping(value, at)
              .forEach((name, sub) -> properties.put(name, schema(sub, at + "/" + name)));
        }
        case "patternProperties" -> {
          hasProperties = true;
          mapping(value, at)
              .forEach(
                  (regex, sub) ->
                      patterns.add(
                          new PropertiesKeyword.PatternProperty(
                              Pattern.compile(regex), schema(sub, at + "/" + regex))));
        }
        case "additionalProperties" -> {
          hasProperties = true;
          additional = schema(value, at);
        }
        case "required" -> keywords.add(new RequiredKeyword(strings(value, at)));
        case "items" -> keywords.add(new ItemsKeyword(schema(value, at)));
        case "uniqueItems" -> {
          if (Boolean.TRUE.equals(((ScalarNode) value).value())) {
            keywords.add(new UniqueItemsKeyword());
          }
        }
        case "oneOf" -> keywords.add(new ChoiceKeyword(schemas(value, at), true));
        case "anyOf" -> keywords.add(new ChoiceKeyword(schemas(value, at), false));
        case "allOf" -> keywords.add(new AllOfKeyword(schemas(value, at)));
        case "not" -> keywords.add(new NotKeyword(schema(value, at)));
        case "enum" -> keywords.add(EnumKeyword.of(list(value, at).items()));
        case "const" -> keywords.add(EnumKeyword.of(List.of(value)));
        case "minimum" -> keywords.add(new BoundKeyword(number(value, at), true));
        case "maximum" -> keywords.add(new BoundKeyword(number(value, at), false));
        case "pattern" -> keywords.add(new PatternKeyword(Pattern.compile(text(value, at))));
        case "minLength" ->
            keywords.add(new LengthKeyword(number(value, at).intValueExact(), true));
        case "maxLength" ->
            keywords.add(new LengthKeyword(number(value, at).intValueExact(), false));
        default -> {
          if (!ANNOTATIONS.contains(key)) {
            throw invalid(at, "unsupported schema keyword \"" + key + "\"");
          }
        }
      }
    }
    if (hasProperties) {
      keywords.add(0, new PropertiesKeyword(properties, patterns, additional));
    }
    return new Schema(types, keywords);
  }

  private RefKeyword reference(String pointer, String at) {
    if (!pointer.startsWith("#")) {
      throw invalid(at, "only local references (#/...) are supported, not " + pointer);
    }
    if (!targets.containsKey(pointer)) {
      pending.push(pointer);
    }
    return new RefKeyword(pointer, targets);
  }

  private Node resolve(String pointer) {
    Node current = document;
    if (pointer.equals("#")) {
      return current;
    }
    for (String raw : pointer.substring(2).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (current instanceof MapNode map && map.has(token)) {
        current = map.get(token);
      } else if (current instanceof SeqNode list && token.matches("\\d+")) {
        current = list.get(Integer.parseInt(token));
      } else {
        throw invalid(pointer, "the reference points at nothing");
      }
    }
    return current;
  }

  private List<JsonType> types(Node value, String at) {
    if (value instanceof SeqNode list) {
      return list.items().stream().map(item -> JsonType.named(text(item, at))).toList();
    }
    return List.of(JsonType.named(text(value, at)));
  }

  private List<Schema> schemas(Node value, String at) {
    var items = list(value, at).items();
    var result = new ArrayList<Schema>(items.size());
    for (int index = 0; index < items.size(); index++) {
      result.add(schema(items.get(index), at + "/" + index));
    }
    return result;
  }

  private static List<String> strings(Node value, String at) {
    return list(value, at).items().stream().map(item -> text(item, at)).toList();
  }

  private static SeqNode list(Node value, String at) {
    if (value instanceof SeqNode list) {
      return list;
    }
    throw invalid(at, "expected a list");
  }

  private static Map<String, Node> mapping(Node value, String at) {
    if (value instanceof MapNode map) {
      return map.entries();
    }
    throw invalid(at, "expected a mapping");
  }

  private static String text(Node value, String at) {
    if (value instanceof ScalarNode scalar && scalar.value() instanceof String text) {
      return text;
    }
    throw invalid(at, "expected a string");
  }

  private static BigDecimal number(Node value, String at) {
    BigDecimal number =
        value instanceof ScalarNode scalar ? JsonValue.decimal(scalar.value()) : null;
    if (number == null) {
      throw invalid(at, "expected a number");
    }
    return number;
  }

  private static IllegalArgumentException invalid(String at, String problem) {
    return new IllegalArgumentException("invalid schema at " + at + ": " + problem);
  }
}

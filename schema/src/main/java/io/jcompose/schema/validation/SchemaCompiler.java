package io.jcompose.schema.validation;

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
 * Compiles a JSON Schema document (as plain values from {@link io.jcompose.schema.json.JsonText})
 * into {@link Schema} objects, once, so that validation never walks the JSON again. It knows the
 * keywords the compose-spec uses and fails on any other assertion keyword rather than silently
 * ignoring it.
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

  private final Object document;
  private final Map<String, Schema> targets = new HashMap<>();
  private final Deque<String> pending = new ArrayDeque<>();
  private final Map<String, Pattern> patterns = new HashMap<>();

  private SchemaCompiler(Object document) {
    this.document = document;
  }

  /**
   * The compiled root schema; every {@code $ref} in it is resolved before this returns, so a broken
   * schema fails here.
   */
  static Schema compile(Object document) {
    var compiler = new SchemaCompiler(document);
    Schema root = compiler.schema(document, Pointer.ROOT);
    while (!compiler.pending.isEmpty()) {
      compiler.target(compiler.pending.pop());
    }
    return root;
  }

  /**
   * The compiled root schema, whose {@code $ref} targets are compiled when validation first reaches
   * them: a document uses a fraction of the compose-spec's definitions, and a single interpreted
   * run pays for every definition compiled. For a schema known to compile (a test compiles the
   * vendored one with {@link #compile}).
   */
  static Schema compileOnDemand(Object document) {
    var compiler = new SchemaCompiler(document);
    Schema root = compiler.schema(document, Pointer.ROOT);
    compiler.pending.clear();
    return root;
  }

  /** The schema {@code pointer} refers to, compiled on first use; thread-safe. */
  synchronized Schema target(String pointer) {
    Schema target = targets.get(pointer);
    if (target == null) {
      target = schema(resolve(pointer), new Pointer(null, pointer));
      targets.put(pointer, target);
    }
    return target;
  }

  private Schema schema(Object json, Pointer at) {
    if (json instanceof Boolean allowed) {
      return allowed ? Schema.ANY : Schema.NOTHING;
    }
    Map<String, Object> map = mapping(json, at);
    var types = new ArrayList<JsonType>();
    var keywords = new ArrayList<Keyword>();
    var properties = new LinkedHashMap<String, Schema>();
    var patternProperties = new ArrayList<PropertiesKeyword.PatternProperty>();
    Schema additional = Schema.ANY;
    boolean hasProperties = false;
    for (var entry : map.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Pointer here = new Pointer(at, key);
      switch (key) {
        case "type" -> types.addAll(types(value, here));
        case "$ref" -> keywords.add(reference(text(value, here), here));
        case "properties" -> {
          hasProperties = true;
          for (var property : mapping(value, here).entrySet()) {
            String name = property.getKey();
            properties.put(name, schema(property.getValue(), new Pointer(here, name)));
          }
        }
        case "patternProperties" -> {
          hasProperties = true;
          for (var property : mapping(value, here).entrySet()) {
            String regex = property.getKey();
            Schema schema = schema(property.getValue(), new Pointer(here, regex));
            patternProperties.add(new PropertiesKeyword.PatternProperty(pattern(regex), schema));
          }
        }
        case "additionalProperties" -> {
          hasProperties = true;
          additional = schema(value, here);
        }
        case "required" -> keywords.add(new RequiredKeyword(strings(value, here)));
        case "items" -> keywords.add(new ItemsKeyword(schema(value, here)));
        case "uniqueItems" -> {
          if (Boolean.TRUE.equals(value)) {
            keywords.add(new UniqueItemsKeyword());
          }
        }
        case "oneOf" -> keywords.add(new ChoiceKeyword(schemas(value, here), true));
        case "anyOf" -> keywords.add(new ChoiceKeyword(schemas(value, here), false));
        case "allOf" -> keywords.add(new AllOfKeyword(schemas(value, here)));
        case "not" -> keywords.add(new NotKeyword(schema(value, here)));
        case "enum" -> keywords.add(EnumKeyword.of(list(value, here)));
        case "const" -> keywords.add(EnumKeyword.of(List.of(value)));
        case "minimum" -> keywords.add(new BoundKeyword(number(value, here), true));
        case "maximum" -> keywords.add(new BoundKeyword(number(value, here), false));
        case "pattern" -> keywords.add(new PatternKeyword(pattern(text(value, here))));
        case "minLength" -> keywords.add(new LengthKeyword(length(value, here), true));
        case "maxLength" -> keywords.add(new LengthKeyword(length(value, here), false));
        default -> {
          if (!ANNOTATIONS.contains(key)) {
            throw here.invalid("unsupported schema keyword \"" + key + "\"");
          }
        }
      }
    }
    if (hasProperties) {
      keywords.add(0, new PropertiesKeyword(properties, patternProperties, additional));
    }
    return new Schema(types, keywords);
  }

  private RefKeyword reference(String pointer, Pointer at) {
    if (!pointer.startsWith("#")) {
      throw at.invalid("only local references (#/...) are supported, not " + pointer);
    }
    if (!targets.containsKey(pointer)) {
      pending.push(pointer);
    }
    return new RefKeyword(pointer, this);
  }

  private Object resolve(String pointer) {
    Object current = document;
    if (pointer.equals("#")) {
      return current;
    }
    for (String raw : pointer.substring(2).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (current instanceof Map<?, ?> map && map.containsKey(token)) {
        current = map.get(token);
      } else if (current instanceof List<?> list && token.matches("\\d+")) {
        current = list.get(Integer.parseInt(token));
      } else {
        throw new Pointer(null, pointer).invalid("the reference points at nothing");
      }
    }
    return current;
  }

  private Pattern pattern(String regex) {
    Pattern compiled = patterns.get(regex);
    if (compiled == null) {
      compiled = Pattern.compile(regex);
      patterns.put(regex, compiled);
    }
    return compiled;
  }

  private List<JsonType> types(Object value, Pointer at) {
    if (value instanceof List<?> names) {
      var types = new ArrayList<JsonType>(names.size());
      for (Object name : names) {
        types.add(JsonType.named(text(name, at)));
      }
      return types;
    }
    return List.of(JsonType.named(text(value, at)));
  }

  private List<Schema> schemas(Object value, Pointer at) {
    List<Object> items = list(value, at);
    var result = new ArrayList<Schema>(items.size());
    for (int index = 0; index < items.size(); index++) {
      result.add(schema(items.get(index), new Pointer(at, Integer.toString(index))));
    }
    return result;
  }

  private static List<String> strings(Object value, Pointer at) {
    var result = new ArrayList<String>();
    for (Object item : list(value, at)) {
      result.add(text(item, at));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, Pointer at) {
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw at.invalid("expected a list");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(Object value, Pointer at) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw at.invalid("expected a mapping or a boolean");
  }

  private static String text(Object value, Pointer at) {
    if (value instanceof String text) {
      return text;
    }
    throw at.invalid("expected a string");
  }

  private static BigDecimal number(Object value, Pointer at) {
    BigDecimal number = JsonValue.decimal(value);
    if (number == null) {
      throw at.invalid("expected a number");
    }
    return number;
  }

  private static int length(Object value, Pointer at) {
    if (value instanceof Long length && length >= 0 && length <= Integer.MAX_VALUE) {
      return length.intValue();
    }
    throw at.invalid("expected a non-negative integer");
  }

  /** Where in the schema the compiler is, spelt out only when something there is wrong. */
  private record Pointer(Pointer parent, String token) {
    static final Pointer ROOT = new Pointer(null, "#");

    IllegalArgumentException invalid(String problem) {
      return new IllegalArgumentException("invalid schema at " + this + ": " + problem);
    }

    @Override
    public String toString() {
      String escaped = token.replace("~", "~0").replace("/", "~1");
      return parent == null ? token : parent + "/" + escaped;
    }
  }
}

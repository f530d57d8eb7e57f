package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.DidYouMean;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code properties}, {@code patternProperties} and {@code additionalProperties} of one schema,
 * compiled together because a key is "additional" only when neither of the others matches it.
 */
record PropertiesKeyword(
    Map<String, Schema> properties, List<PatternProperty> patterns, Schema additional)
    implements Keyword {

  /** The {@code ^x-} pattern compose uses to allow extension keys. */
  static final String EXTENSION_PATTERN = "^x-";

  private static final int MAX_LISTED_NAMES = 8;

  PropertiesKeyword {
    properties = Map.copyOf(properties);
    patterns = List.copyOf(patterns);
  }

  /** One entry of {@code patternProperties}. */
  record PatternProperty(Pattern pattern, Schema schema) {
    boolean matches(String key) {
      // ^x- is most of the compose-spec's patterns: no regex matcher for it
      return isExtension() ? key.startsWith("x-") : pattern.matcher(key).find();
    }

    boolean isExtension() {
      return pattern.pattern().equals(EXTENSION_PATTERN);
    }
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof MapNode map)) {
      return;
    }
    for (var entry : map.entries().entrySet()) {
      String key = entry.getKey();
      Node value = entry.getValue();
      boolean matched = false;
      Schema declared = properties.get(key);
      if (declared != null) {
        matched = true;
        declared.check(value, path.key(key), out);
      }
      for (PatternProperty pattern : patterns) {
        if (pattern.matches(key)) {
          matched = true;
          pattern.schema().check(value, path.key(key), out);
        }
      }
      if (matched) {
        continue;
      }
      if (additional == Schema.NOTHING) {
        out.add(unknownKey(map, key, path.key(key)));
      } else {
        additional.check(value, path.key(key), out);
      }
    }
  }

  private Diagnostic unknownKey(MapNode map, String key, YamlPath keyPath) {
    var namePatterns = patterns.stream().filter(pattern -> !pattern.isExtension()).toList();
    if (properties.isEmpty() && !namePatterns.isEmpty()) {
      Pattern namePattern = namePatterns.get(0).pattern();
      String hint =
          NamePattern.describe(namePattern)
              .orElse("a name must match the pattern " + namePattern.pattern());
      return Diagnostic.error(map.keyPosition(key), keyPath, "invalid name \"" + key + "\"", hint);
    }
    var names = properties.keySet().stream().sorted().toList();
    String hint =
        DidYouMean.nearest(key, names)
            .map(DidYouMean::phrase)
            .orElseGet(() -> otherwise(names, key));
    return Diagnostic.error(
        map.keyPosition(key), keyPath, "additional property \"" + key + "\" is not allowed", hint);
  }

  private String otherwise(List<String> names, String key) {
    if (!names.isEmpty() && names.size() <= MAX_LISTED_NAMES) {
      return "allowed here: " + String.join(", ", names);
    }
    if (patterns.stream().anyMatch(PatternProperty::isExtension)) {
      return "remove it, or name it \"x-" + key + "\" to keep it as an extension";
    }
    return "";
  }
}

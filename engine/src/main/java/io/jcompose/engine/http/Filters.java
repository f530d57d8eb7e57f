package io.jcompose.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filters} query parameter: a JSON object from a key to its values, which clients write
 * either as a list ({@code {"label":["a=1"]}}, docker-java and docker-py) or as a map to {@code
 * true} ({@code {"label":{"a=1":true}}}, the Go CLI). The matchers follow dockerd's: a key that is
 * absent matches everything; several values of one key match if any does, except labels, which must
 * all hold.
 */
public final class Filters {

  public static final Filters NONE = new Filters(Map.of());

  private final Map<String, List<String>> values;

  private Filters(Map<String, List<String>> values) {
    var copy = new LinkedHashMap<String, List<String>>();
    values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
    this.values = copy;
  }

  public static Filters of(Map<String, List<String>> values) {
    return new Filters(values);
  }

  /**
   * @param json the decoded {@code filters} parameter; empty or blank means no filters
   * @throws EngineFault.InvalidArgument when it is not a JSON object of lists or maps
   */
  public static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    JsonNode root;
    try {
      root = WireJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new EngineFault.InvalidArgument(
          "invalid filters " + json + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isNull()) {
      return NONE;
    }
    if (!root.isObject()) {
      throw new EngineFault.InvalidArgument("invalid filters " + json + ": not a JSON object");
    }
    var parsed = new LinkedHashMap<String, List<String>>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      parsed.put(field.getKey(), valuesOf(json, field.getKey(), field.getValue()));
    }
    return new Filters(parsed);
  }

  private static List<String> valuesOf(String json, String key, JsonNode node) {
    var list = new ArrayList<String>();
    if (node.isArray()) {
      node.forEach(value -> list.add(value.asText()));
    } else if (node.isObject()) {
      node.fieldNames().forEachRemaining(list::add);
    } else if (node.isTextual()) {
      list.add(node.asText());
    } else if (!node.isNull()) {
      throw new EngineFault.InvalidArgument(
          "invalid filters " + json + ": the values of '" + key + "' are neither a list nor a map");
    }
    return list;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Every key with its values, in the order given. */
  public Map<String, List<String>> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public List<String> values(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** A copy with one more value for {@code key}. */
  public Filters with(String key, String value) {
    var copy = new LinkedHashMap<>(values);
    var list = new ArrayList<>(values(key));
    list.add(value);
    copy.put(key, list);
    return new Filters(copy);
  }

  /**
   * @throws EngineFault.InvalidArgument {@code Invalid filter 'x'} for the first key not accepted
   */
  public Filters requireKeys(Set<String> accepted) {
    for (String key : values.keySet()) {
      if (!accepted.contains(key)) {
        throw new EngineFault.InvalidArgument("Invalid filter '" + key + "'");
      }
    }
    return this;
  }

  /** No value for {@code key}, or one equal to {@code candidate}. */
  public boolean exactMatch(String key, String candidate) {
    return !contains(key) || values(key).contains(candidate);
  }

  /** As {@link #exactMatch}, or a value that is a prefix of {@code candidate} (IDs, names). */
  public boolean fuzzyMatch(String key, String candidate) {
    if (exactMatch(key, candidate)) {
      return true;
    }
    return candidate != null && values(key).stream().anyMatch(candidate::startsWith);
  }

  /**
   * As {@link #exactMatch}, or a value that, read as a regular expression, is found in {@code
   * candidate} (dockerd's name filter: {@code ridg} finds {@code bridge}).
   */
  public boolean patternMatch(String key, String candidate) {
    if (exactMatch(key, candidate)) {
      return true;
    }
    for (String value : values(key)) {
      try {
        if (Pattern.compile(value).matcher(candidate).find()) {
          return true;
        }
      } catch (PatternSyntaxException e) {
        // dockerd skips a value that is not a valid expression
      }
    }
    return false;
  }

  /** Every value of {@code key} ({@code name} or {@code name=value}) holds in {@code labels}. */
  public boolean labelsMatch(String key, Map<String, String> labels) {
    return values(key).stream().allMatch(condition -> labelHolds(condition, labels));
  }

  /** Whether {@code labels} has the label {@code name}, or {@code name=value} with that value. */
  public static boolean labelHolds(String condition, Map<String, String> labels) {
    int equals = condition.indexOf('=');
    if (equals < 0) {
      return labels.containsKey(condition);
    }
    String value = labels.get(condition.substring(0, equals));
    return value != null && value.equals(condition.substring(equals + 1));
  }

  /**
   * The boolean value of {@code key}, absent when the key is.
   *
   * @throws EngineFault.InvalidArgument for a value other than true/false/1/0, or several values
   */
  public Optional<Boolean> bool(String key) {
    List<String> list = values(key);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    if (list.size() > 1) {
      throw new EngineFault.InvalidArgument(
          "invalid filter '" + key + "': only one value is expected");
    }
    String value = list.get(0).strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "true", "1":
        return Optional.of(true);
      case "false", "0":
        return Optional.of(false);
      default:
        throw new EngineFault.InvalidArgument("Invalid filter '" + key + "=" + list.get(0) + "'");
    }
  }

  @Override
  public String toString() {
    return values.toString();
  }
}

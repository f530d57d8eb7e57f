package io.jcompose.planner.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which objects a listing returns: every label named must be present and, where a value is given,
 * equal to it (the engine's {@code label=key} and {@code label=key=value} filters, ANDed).
 */
public record LabelFilter(Map<String, Optional<String>> labels) {

  public LabelFilter {
    labels = Map.copyOf(labels);
  }

  /** Matches everything. */
  public static LabelFilter any() {
    return new LabelFilter(Map.of());
  }

  public static LabelFilter of(String key, String value) {
    return any().and(key, value);
  }

  public LabelFilter and(String key, String value) {
    Objects.requireNonNull(value, "value");
    var more = new LinkedHashMap<>(labels);
    more.put(key, Optional.of(value));
    return new LabelFilter(more);
  }

  /** Also require the label to be present, whatever its value. */
  public LabelFilter andPresent(String key) {
    var more = new LinkedHashMap<>(labels);
    more.put(key, Optional.empty());
    return new LabelFilter(more);
  }

  public boolean matches(Map<String, String> objectLabels) {
    for (var wanted : labels.entrySet()) {
      String actual = objectLabels.get(wanted.getKey());
      if (actual == null
          || (wanted.getValue().isPresent() && !wanted.getValue().get().equals(actual))) {
        return false;
      }
    }
    return true;
  }
}

package io.jcompose.model.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project environment used for interpolation: the OS environment over the values of the env
 * files (the OS always wins).
 */
public record Environment(Map<String, String> values) {

  public Environment {
    values = Map.copyOf(values);
  }

  public Optional<String> lookup(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A copy where {@code extra} fills in only keys not already present. */
  public Environment withDefaults(Map<String, String> extra) {
    var merged = new LinkedHashMap<>(extra);
    merged.putAll(values);
    return new Environment(merged);
  }

  /** A copy where {@code name} is set to {@code value}, replacing any earlier value. */
  public Environment with(String name, String value) {
    var merged = new LinkedHashMap<>(values);
    merged.put(name, value);
    return new Environment(merged);
  }

  public boolean isTrue(String name) {
    Optional<String> value = lookup(name);
    return value.isPresent() && (value.get().equalsIgnoreCase("true") || value.get().equals("1"));
  }
}

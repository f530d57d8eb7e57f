package io.jcompose.model.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Unmodifiable copies that keep insertion order (and, for maps, allow null values). */
final class Ordered {

  private Ordered() {}

  static <K, V> Map<K, V> copy(Map<K, V> map) {
    Objects.requireNonNull(map, "map");
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> Set<T> copy(Set<T> set) {
    Objects.requireNonNull(set, "set");
    return Collections.unmodifiableSet(new LinkedHashSet<>(set));
  }
}

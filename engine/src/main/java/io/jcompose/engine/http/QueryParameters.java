package io.jcompose.engine.http;

import io.jcompose.engine.fault.EngineFault;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The decoded query string of a request, read with dockerd's rules. */
public final class QueryParameters {

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * @param rawQuery the text after {@code ?}, still URL-encoded ({@code +} is a space, {@code ;} an
   *     ordinary character as in Go)
   */
  static QueryParameters parse(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return new QueryParameters(Map.of());
    }
    try {
      return new QueryParameters(
          new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false, 1024, true).parameters());
    } catch (IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument(
          "invalid query string \"" + rawQuery + "\": " + e.getMessage(), e);
    }
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The first value of {@code name}. */
  public Optional<String> get(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of a repeated parameter ({@code t=a&t=b}), in order. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * dockerd's boolean: absent, {@code ""}, {@code 0}, {@code no}, {@code false} and {@code none}
   * (any case) are false, anything else ({@code 1}, {@code true}, {@code True}) is true.
   */
  public boolean bool(String name) {
    String value = get(name).orElse("").strip().toLowerCase(Locale.ROOT);
    return !(value.isEmpty()
        || value.equals("0")
        || value.equals("no")
        || value.equals("false")
        || value.equals("none"));
  }

  /** As {@link #bool(String)}, but {@code absent} when the parameter is not given at all. */
  public boolean bool(String name, boolean absent) {
    return has(name) ? bool(name) : absent;
  }

  /**
   * An integer parameter; empty when absent or empty.
   *
   * @throws EngineFault.InvalidArgument quoting a value that is not an integer
   */
  public OptionalLong integer(String name) {
    Optional<String> value = get(name).map(String::strip).filter(text -> !text.isEmpty());
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw new EngineFault.InvalidArgument(
          "invalid value for " + name + ": \"" + value.get() + "\" is not an integer", e);
    }
  }

  /** The {@code filters} parameter, in either of its JSON forms. */
  public Filters filters() {
    return Filters.parse(get("filters").orElse(""));
  }
}

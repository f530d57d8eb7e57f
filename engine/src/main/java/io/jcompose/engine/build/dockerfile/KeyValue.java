package io.jcompose.engine.build.dockerfile;

import java.util.Objects;

/**
 * One {@code key=value} of ENV or LABEL; the value is raw (quotes, escapes and variables still in
 * it) until {@link Scope#expand} processes it.
 */
public record KeyValue(String key, String value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}

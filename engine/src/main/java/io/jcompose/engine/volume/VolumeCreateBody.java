package io.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Map;

/** The body of {@code POST /volumes/create}; any field may be absent or null. */
record VolumeCreateBody(
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("DriverOpts") Map<String, String> driverOptions,
    @JsonProperty("Labels") Map<String, String> labels) {

  static final VolumeCreateBody EMPTY = new VolumeCreateBody(null, null, null, null);

  /** A map without nulls: a missing map is empty, a null value an empty string. */
  static Map<String, String> present(Map<String, String> values) {
    var copy = new HashMap<String, String>();
    if (values != null) {
      values.forEach((key, value) -> copy.put(key, value == null ? "" : value));
    }
    return copy;
  }
}

package io.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/** A volume as the API shows it (create, inspect, list). */
@JsonPropertyOrder({"CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope"})
record VolumeBody(
    @JsonProperty("CreatedAt") String createdAt,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Mountpoint") String mountpoint,
    @JsonProperty("Name") String name,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Scope") String scope) {

  private static final DateTimeFormatter RFC_3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  static VolumeBody of(Volume volume) {
    return new VolumeBody(
        RFC_3339.format(volume.createdAt()),
        volume.driver(),
        new TreeMap<>(volume.labels()),
        volume.mountpoint().toString(),
        volume.name(),
        volume.options().isEmpty() ? null : new TreeMap<>(volume.options()),
        "local");
  }
}

package io.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** How a volume is stored in its record file; the directory is derived from the name. */
record VolumeRecord(
    @JsonProperty("name") String name,
    @JsonProperty("driver") String driver,
    @JsonProperty("labels") Map<String, String> labels,
    @JsonProperty("options") Map<String, String> options,
    @JsonProperty("createdAt") String createdAt) {

  static VolumeRecord of(Volume volume) {
    return new VolumeRecord(
        volume.name(),
        volume.driver(),
        volume.labels(),
        volume.options(),
        volume.createdAt().toString());
  }

  Volume toVolume(Path mountpoint) {
    return new Volume(
        name,
        driver,
        labels == null ? Map.of() : labels,
        options == null ? Map.of() : options,
        Instant.parse(createdAt),
        mountpoint);
  }
}

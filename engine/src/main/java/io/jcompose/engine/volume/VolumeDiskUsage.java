package io.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.host.DirectoryTree;
import java.util.List;
import java.util.Map;

/**
 * The volumes part of {@code GET /system/df}: each volume as {@code /volumes} lists it, with {@code
 * UsageData}: the bytes in its directory and how many containers use it.
 */
public final class VolumeDiskUsage {

  private VolumeDiskUsage() {}

  record Item(
      @JsonProperty("CreatedAt") String createdAt,
      @JsonProperty("Driver") String driver,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("Mountpoint") String mountpoint,
      @JsonProperty("Name") String name,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Scope") String scope,
      @JsonProperty("UsageData") UsageData usageData) {}

  record UsageData(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {}

  /** Wire items for {@code Volumes}. */
  public static List<Object> items(LocalVolumes volumes) {
    return volumes.list().stream()
        .map(
            volume -> {
              VolumeBody body = VolumeBody.of(volume);
              return (Object)
                  new Item(
                      body.createdAt(),
                      body.driver(),
                      body.labels(),
                      body.mountpoint(),
                      body.name(),
                      body.options(),
                      body.scope(),
                      new UsageData(
                          DirectoryTree.size(volume.mountpoint()),
                          volumes.usersOf(volume.name()).size()));
            })
        .toList();
  }
}

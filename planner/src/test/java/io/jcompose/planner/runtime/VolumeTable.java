package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory runtime's volumes. Which containers use them is the containers' business. Guarded
 * by the runtime's lock.
 */
final class VolumeTable {

  /** The label dockerd (23 and later) puts on the anonymous volumes it creates. */
  static final String ANONYMOUS = "com.docker.volume.anonymous";

  private final EventHub events;
  private final Map<String, VolumeSummary> volumesByName = new LinkedHashMap<>();

  VolumeTable(EventHub events) {
    this.events = events;
  }

  Optional<VolumeSummary> find(String volumeName) {
    return Optional.ofNullable(volumesByName.get(volumeName));
  }

  List<VolumeSummary> list(LabelFilter filter) {
    var matching = new ArrayList<VolumeSummary>();
    for (VolumeSummary volume : volumesByName.values()) {
      if (filter.matches(volume.labels())) {
        matching.add(volume);
      }
    }
    return matching;
  }

  /**
   * Creates a volume, or returns the one of that name with the same driver.
   *
   * @throws RuntimeFault.Conflict when it exists with another driver
   */
  VolumeSummary create(VolumeSpec spec) {
    if (!spec.name().matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
      throw new RuntimeFault.InvalidArgument(
          "create "
              + spec.name()
              + ": includes invalid characters for a local volume name, only"
              + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed");
    }
    String driver = spec.driver().orElse("local");
    VolumeSummary existing = volumesByName.get(spec.name());
    if (existing != null) {
      if (!existing.driver().equals(driver)) {
        throw new RuntimeFault.Conflict(
            "volume " + spec.name() + " already exists with driver " + existing.driver());
      }
      return existing;
    }
    var volume =
        new VolumeSummary(
            spec.name(),
            driver,
            spec.labels(),
            "/var/lib/docker/volumes/" + spec.name() + "/_data");
    volumesByName.put(volume.name(), volume);
    emit(volume, "create");
    return volume;
  }

  /** Removes a volume; the caller has checked that it exists and no container uses it. */
  void remove(String volumeName) {
    VolumeSummary volume = volumesByName.remove(volumeName);
    if (volume != null) {
      emit(volume, "destroy");
    }
  }

  private void emit(VolumeSummary volume, String action) {
    events.emit(
        "volume",
        action,
        volume.name(),
        volume.labels(),
        Map.of("name", volume.name(), "driver", volume.driver()));
  }
}

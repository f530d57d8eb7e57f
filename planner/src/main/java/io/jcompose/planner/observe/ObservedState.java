package io.jcompose.planner.observe;

import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.VolumeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One snapshot of what the endpoint holds for a project.
 *
 * @param containers the project's containers (service and one-off), sorted by name
 * @param networks the networks found, by compose key
 * @param volumes the volumes found, by compose key
 * @param images the local images the services name, by reference
 */
public record ObservedState(
    List<ObservedContainer> containers,
    Map<String, NetworkSummary> networks,
    Map<String, VolumeSummary> volumes,
    Map<String, ImageSummary> images) {

  public ObservedState {
    var sorted = new ArrayList<>(containers);
    sorted.sort(Comparator.comparing(ObservedContainer::name));
    containers = List.copyOf(sorted);
    networks = Map.copyOf(networks);
    volumes = Map.copyOf(volumes);
    images = Map.copyOf(images);
  }

  public static ObservedState empty() {
    return new ObservedState(List.of(), Map.of(), Map.of(), Map.of());
  }

  /** The service (not one-off) containers of a service, sorted by name. */
  public List<ObservedContainer> serviceContainers(String serviceName) {
    var found = new ArrayList<ObservedContainer>();
    for (ObservedContainer container : containers) {
      if (!container.oneOff() && container.serviceName().equals(serviceName)) {
        found.add(container);
      }
    }
    return found;
  }

  public Optional<ImageSummary> image(String reference) {
    return Optional.ofNullable(images.get(reference));
  }

  public ObservedState withImages(Map<String, ImageSummary> newImages) {
    return new ObservedState(containers, networks, volumes, newImages);
  }
}

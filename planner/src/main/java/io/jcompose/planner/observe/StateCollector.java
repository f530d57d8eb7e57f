package io.jcompose.planner.observe;

import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.VolumeSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the one snapshot a reconcile works from: the project's containers, networks and volumes by
 * label, the project's resources that exist under their expected name without our labels (external
 * ones, or made by hand), and the local images the services use.
 */
public final class StateCollector {

  private final ContainerRuntime runtime;

  public StateCollector(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  public ObservedState collect(Project project) {
    var containers = new ArrayList<ObservedContainer>();
    for (ContainerSummary summary :
        runtime.listContainers(Labels.projectContainers(project.name()))) {
      containers.add(ObservedContainer.from(summary));
    }
    return new ObservedState(containers, networks(project), volumes(project), images(project));
  }

  /** Only the containers: what {@code down} and {@code ps} need when there is no project file. */
  public ObservedState collectContainers(String projectName) {
    var containers = new ArrayList<ObservedContainer>();
    for (ContainerSummary summary : runtime.listContainers(Labels.projectContainers(projectName))) {
      containers.add(ObservedContainer.from(summary));
    }
    var networks = new LinkedHashMap<String, NetworkSummary>();
    for (NetworkSummary network : runtime.listNetworks(Labels.projectResources(projectName))) {
      networks.put(network.labels().getOrDefault(Labels.NETWORK, network.name()), network);
    }
    var volumes = new LinkedHashMap<String, VolumeSummary>();
    for (VolumeSummary volume : runtime.listVolumes(Labels.projectResources(projectName))) {
      volumes.put(volume.labels().getOrDefault(Labels.VOLUME, volume.name()), volume);
    }
    return new ObservedState(containers, networks, volumes, Map.of());
  }

  private Map<String, NetworkSummary> networks(Project project) {
    var byKey = new LinkedHashMap<String, NetworkSummary>();
    for (NetworkSummary network : runtime.listNetworks(Labels.projectResources(project.name()))) {
      String key = network.labels().get(Labels.NETWORK);
      if (key != null) {
        byKey.put(key, network);
      }
    }
    for (Network network : project.networks().values()) {
      if (!byKey.containsKey(network.key())) {
        runtime.inspectNetwork(network.name()).ifPresent(found -> byKey.put(network.key(), found));
      }
    }
    return byKey;
  }

  private Map<String, VolumeSummary> volumes(Project project) {
    var byKey = new LinkedHashMap<String, VolumeSummary>();
    for (VolumeSummary volume : runtime.listVolumes(Labels.projectResources(project.name()))) {
      String key = volume.labels().get(Labels.VOLUME);
      if (key != null) {
        byKey.put(key, volume);
      }
    }
    for (Volume volume : project.volumes().values()) {
      if (!byKey.containsKey(volume.key())) {
        runtime.inspectVolume(volume.name()).ifPresent(found -> byKey.put(volume.key(), found));
      }
    }
    return byKey;
  }

  /** The images the services run, as present now. */
  public Map<String, ImageSummary> images(Project project) {
    var images = new LinkedHashMap<String, ImageSummary>();
    for (Service service : project.services().values()) {
      String reference = service.imageName(project.name());
      if (!images.containsKey(reference)) {
        Optional<ImageSummary> image = runtime.inspectImage(reference);
        image.ifPresent(found -> images.put(reference, found));
      }
    }
    return images;
  }
}

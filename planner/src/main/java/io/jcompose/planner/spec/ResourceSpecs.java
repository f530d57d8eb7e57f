package io.jcompose.planner.spec;

import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Networks and volumes to create, with docker compose's labels. No {@code config-hash} label is
 * written on them: docker compose then treats them as unchanged and never prompts to recreate a
 * volume we made (compose-inventory.md §4.4).
 */
public final class ResourceSpecs {

  private ResourceSpecs() {}

  public static NetworkSpec network(Project project, Network network) {
    var labels = new LinkedHashMap<>(network.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.NETWORK, network.key());
    labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    return new NetworkSpec(
        network.name(),
        network.driver(),
        network.driverOpts(),
        network.internal(),
        network.attachable(),
        network.enableIpv6().orElse(false),
        subnets(network.other().get("ipam")),
        labels);
  }

  public static VolumeSpec volume(Project project, Volume volume) {
    var labels = new LinkedHashMap<>(volume.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.VOLUME, volume.key());
    labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    return new VolumeSpec(volume.name(), volume.driver(), volume.driverOpts(), labels);
  }

  private static List<String> subnets(Object ipam) {
    var subnets = new ArrayList<String>();
    if (ipam instanceof Map<?, ?> settings && settings.get("config") instanceof List<?> configs) {
      for (Object config : configs) {
        if (config instanceof Map<?, ?> pool && pool.get("subnet") instanceof String subnet) {
          subnets.add(subnet);
        }
      }
    }
    return subnets;
  }
}

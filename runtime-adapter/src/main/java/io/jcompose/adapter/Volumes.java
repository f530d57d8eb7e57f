package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateVolumeCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.ListVolumesCmd;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Volumes: list, inspect, create, remove. */
final class Volumes {

  private final DockerClient docker;
  private final RawApi raw;
  private final Faults faults;

  Volumes(DockerClient docker, RawApi raw, Faults faults) {
    this.docker = docker;
    this.raw = raw;
    this.faults = faults;
  }

  List<VolumeSummary> list(LabelFilter filter) {
    ListVolumesCmd command = docker.listVolumesCmd();
    if (!filter.labels().isEmpty()) {
      command.withFilter("label", LabelFilters.values(filter));
    }
    List<InspectVolumeResponse> volumes = faults.call(command::exec).getVolumes();
    var summaries = new ArrayList<VolumeSummary>();
    if (volumes != null) {
      for (InspectVolumeResponse volume : volumes) {
        summaries.add(summary(volume));
      }
    }
    return summaries;
  }

  Optional<VolumeSummary> inspect(String volumeName) {
    try {
      return Optional.of(summary(faults.call(() -> docker.inspectVolumeCmd(volumeName).exec())));
    } catch (RuntimeFault.NotFound missing) {
      return Optional.empty();
    }
  }

  /** The daemon answers a create of an existing volume (same driver) with that volume. */
  VolumeSummary create(VolumeSpec spec) {
    CreateVolumeCmd command =
        docker.createVolumeCmd().withName(spec.name()).withLabels(spec.labels());
    spec.driver().ifPresent(command::withDriver);
    if (!spec.driverOptions().isEmpty()) {
      command.withDriverOpts(spec.driverOptions());
    }
    faults.call(command::exec);
    return inspect(spec.name())
        .orElseThrow(
            () ->
                new RuntimeFault.Internal(
                    "the daemon created volume " + spec.name() + " but cannot find it"));
  }

  /** docker-java has no {@code force} for volume removal, so a forced one goes out raw. */
  void remove(String volumeName, boolean force) {
    if (force) {
      raw.delete("/volumes/" + RawApi.pathSegment(volumeName) + "?force=1");
    } else {
      faults.run(() -> docker.removeVolumeCmd(volumeName).exec());
    }
  }

  private static VolumeSummary summary(InspectVolumeResponse volume) {
    return new VolumeSummary(
        volume.getName(),
        ContainerViews.nullToEmpty(volume.getDriver()),
        ContainerViews.orEmpty(volume.getLabels()),
        ContainerViews.nullToEmpty(volume.getMountpoint()));
  }
}

package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.Optional;
import java.util.function.Consumer;

/** Images: inspect, pull, push, remove. */
final class Images {

  private final DockerClient docker;
  private final Faults faults;
  private final RegistryCredentials credentials;

  Images(DockerClient docker, Faults faults, RegistryCredentials credentials) {
    this.docker = docker;
    this.faults = faults;
    this.credentials = credentials;
  }

  Optional<ImageSummary> inspect(String imageReference) {
    try {
      InspectImageResponse image = faults.call(() -> docker.inspectImageCmd(imageReference).exec());
      return Optional.of(
          new ImageSummary(
              image.getId(),
              ContainerViews.orEmpty(image.getRepoTags()),
              image.getConfig() == null
                  ? java.util.Map.of()
                  : ContainerViews.orEmpty(image.getConfig().getLabels())));
    } catch (RuntimeFault.NotFound missing) {
      return Optional.empty();
    }
  }

  /**
   * Reads the progress stream itself: docker-java's own pull callback only accepts streams ending
   * in one of a few status texts; here an {@code error}/{@code errorDetail} item is the failure.
   */
  void pull(String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException {
    ImageReference reference;
    try {
      reference = ImageReference.parse(imageReference);
    } catch (IllegalArgumentException malformed) {
      throw new RuntimeFault.InvalidArgument(malformed.getMessage(), malformed);
    }
    PullImageCmd command = docker.pullImageCmd(reference.repositoryForPull());
    reference.tagForPull().ifPresent(command::withTag);
    platform.ifPresent(command::withPlatform);
    credentials
        .forImage(imageReference)
        .map(RegistryCredentials::authConfig)
        .ifPresent(command::withAuthConfig);
    var stream = new ProgressStream<PullResponseItem>(progress).runAndAwait(command, faults);
    stream
        .failure()
        .ifPresent(
            message -> {
              throw Faults.fromRegistryMessage("pulling " + imageReference + ": " + message, null);
            });
  }

  /**
   * Pushes one tag, with the registry's credential (an empty one when there is none: dockerd wants
   * the header); an {@code error} item of the stream is the failure, as for pulls.
   */
  void push(String imageReference, Consumer<ImageProgress> progress) throws InterruptedException {
    ImageReference reference;
    try {
      reference = ImageReference.parse(imageReference);
    } catch (IllegalArgumentException malformed) {
      throw new RuntimeFault.InvalidArgument(malformed.getMessage(), malformed);
    }
    if (reference.digest().isPresent()) {
      throw new RuntimeFault.InvalidArgument(
          "cannot push " + imageReference + ": a digest names what a registry has, not a tag");
    }
    PushImageCmd command =
        docker
            .pushImageCmd(reference.name())
            .withTag(reference.tag().orElse("latest"))
            .withAuthConfig(
                credentials
                    .forImage(imageReference)
                    .map(RegistryCredentials::authConfig)
                    .orElseGet(AuthConfig::new));
    var stream = new ProgressStream<PushResponseItem>(progress).runAndAwait(command, faults);
    stream
        .failure()
        .ifPresent(
            message -> {
              throw Faults.fromRegistryMessage("pushing " + imageReference + ": " + message, null);
            });
  }

  void remove(String imageReference, boolean force) {
    faults.run(() -> docker.removeImageCmd(imageReference).withForce(force).exec());
  }
}

package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An image a build step (or a commit) makes: its parent's layers and history plus, when the step
 * changed files, one layer, and the step's container defaults.
 *
 * @param parent the image the step started from; empty for {@code FROM scratch}
 * @param runConfig the new image's container defaults, whole (not a change to the parent's)
 * @param createdBy the history entry's {@code created_by} ({@code /bin/sh -c #(nop) CMD ["sh"]})
 * @param layerTar an uncompressed layer tar (docker's whiteout form); empty for a step that only
 *     changes the config ({@code empty_layer} in the history)
 * @param platform the platform of an image without parent; a child keeps its parent's
 * @param comment the image's and the history entry's comment ({@code docker commit -m})
 * @param author the image's author ({@code docker commit -a}, MAINTAINER)
 */
public record ImageCommit(
    Optional<Digest> parent,
    RunConfig runConfig,
    String createdBy,
    Optional<Path> layerTar,
    ImageConfig.Platform platform,
    String comment,
    String author) {
  public ImageCommit {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(runConfig, "runConfig");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(layerTar, "layerTar");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(author, "author");
  }

  /** A build step's image: no comment, the parent's author. */
  public ImageCommit(
      Optional<Digest> parent,
      RunConfig runConfig,
      String createdBy,
      Optional<Path> layerTar,
      ImageConfig.Platform platform) {
    this(parent, runConfig, createdBy, layerTar, platform, "", "");
  }
}

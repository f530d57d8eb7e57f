package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * Which containers use an image; the container part of the engine answers, so the image store can
 * refuse to delete an image in use as dockerd does.
 */
@FunctionalInterface
public interface ImageUsers {

  /** For engines, and tests, without containers. */
  ImageUsers NONE = imageId -> List.of();

  List<User> usersOf(Digest imageId);

  /** A container created from the image. */
  record User(String containerId, boolean running) {
    public User {
      Objects.requireNonNull(containerId, "containerId");
    }
  }
}

package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.image.ImageReference;
import java.util.Optional;

/**
 * What {@code POST /images/create?fromImage=NAME&tag=TAG} asks to pull, normalised: {@code busybox}
 * is {@code docker.io/library/busybox:latest}; a {@code tag} of {@code sha256:...} is a digest
 * ({@code docker pull busybox@sha256:...} sends it that way).
 */
final class PullReference {

  private PullReference() {}

  /**
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument quoting an invalid name or tag
   */
  static ImageReference of(String fromImage, String tag) {
    ImageReference named = ImageReference.parse(fromImage);
    if (tag.isEmpty()) {
      return named.withDefaultTag();
    }
    if (tag.startsWith(Digest.ALGORITHM + ":")) {
      return named.withDigest(Digest.parse(tag));
    }
    return new ImageReference(named.domain(), named.path(), Optional.of(tag), Optional.empty());
  }

  /** The tag or digest to ask the registry's manifests endpoint for. */
  static String manifestReference(ImageReference reference) {
    return reference
        .digest()
        .map(Digest::toString)
        .orElseGet(() -> reference.tag().orElse(ImageReference.DEFAULT_TAG));
  }
}

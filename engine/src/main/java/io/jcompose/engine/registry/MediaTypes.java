package io.jcompose.engine.registry;

import io.jcompose.engine.image.ManifestTypes;
import java.util.List;

/** The manifest and layer media types a pull understands. */
final class MediaTypes {

  static final String DOCKER_MANIFEST = ManifestTypes.DOCKER_MANIFEST;
  static final String DOCKER_MANIFEST_LIST = ManifestTypes.DOCKER_MANIFEST_LIST;
  static final String OCI_MANIFEST = ManifestTypes.OCI_MANIFEST;
  static final String OCI_INDEX = ManifestTypes.OCI_INDEX;
  static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1";

  /** What a manifest request accepts, indexes included. */
  static final List<String> MANIFESTS =
      List.of(DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST, OCI_INDEX);

  private static final List<String> LAYERS =
      List.of(
          "application/vnd.docker.image.rootfs.diff.tar.gzip",
          "application/vnd.docker.image.rootfs.diff.tar",
          "application/vnd.oci.image.layer.v1.tar",
          "application/vnd.oci.image.layer.v1.tar+gzip",
          "application/vnd.oci.image.layer.v1.tar+zstd",
          "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
          "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");

  private MediaTypes() {}

  static boolean isIndex(String mediaType) {
    return mediaType.equals(DOCKER_MANIFEST_LIST) || mediaType.equals(OCI_INDEX);
  }

  static boolean isLayer(String mediaType) {
    return LAYERS.contains(mediaType);
  }
}

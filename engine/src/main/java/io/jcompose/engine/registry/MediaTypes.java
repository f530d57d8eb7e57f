package io.jcompose.engine.registry;

import io.jcompose.engine.image.ManifestTypes;
import java.util.List;

/** The manifest, config and layer media types of pulls and pushes. */
final class MediaTypes {

  static final String DOCKER_MANIFEST = ManifestTypes.DOCKER_MANIFEST;
  static final String DOCKER_MANIFEST_LIST = ManifestTypes.DOCKER_MANIFEST_LIST;
  static final String OCI_MANIFEST = ManifestTypes.OCI_MANIFEST;
  static final String OCI_INDEX = ManifestTypes.OCI_INDEX;
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
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

package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.http.WireJson;
import java.util.List;

/**
 * The manifest a push puts: docker's v2 schema 2 ({@code
 * application/vnd.docker.distribution.manifest.v2+json}), or OCI's when a layer is zstd, which
 * schema 2 cannot name.
 *
 * @param body the exact bytes sent, whose sha256 is the manifest's digest
 */
record PushedManifest(String mediaType, byte[] body) {

  @JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers"})
  record ManifestWire(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("config") DescriptorWire config,
      @JsonProperty("layers") List<DescriptorWire> layers) {}

  @JsonPropertyOrder({"mediaType", "size", "digest"})
  record DescriptorWire(
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("size") long size,
      @JsonProperty("digest") String digest) {}

  /** The config's media type for these layers. */
  static String configMediaType(List<Descriptor> layers) {
    return isOci(layers) ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG;
  }

  static PushedManifest of(Descriptor config, List<Descriptor> layers) {
    boolean oci = isOci(layers);
    String mediaType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    List<DescriptorWire> layerWires =
        layers.stream()
            .map(
                layer ->
                    wire(
                        oci && layer.mediaType().equals(MediaTypes.DOCKER_LAYER_GZIP)
                            ? new Descriptor(
                                MediaTypes.OCI_LAYER_GZIP, layer.digest(), layer.size())
                            : layer))
            .toList();
    try {
      byte[] body =
          WireJson.mapper()
              .writeValueAsBytes(new ManifestWire(2, mediaType, wire(config), layerWires));
      return new PushedManifest(mediaType, body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest always serialises", e);
    }
  }

  private static boolean isOci(List<Descriptor> layers) {
    return layers.stream().anyMatch(layer -> layer.mediaType().equals(MediaTypes.OCI_LAYER_ZSTD));
  }

  private static DescriptorWire wire(Descriptor descriptor) {
    return new DescriptorWire(
        descriptor.mediaType(), descriptor.size(), descriptor.digest().toString());
  }
}

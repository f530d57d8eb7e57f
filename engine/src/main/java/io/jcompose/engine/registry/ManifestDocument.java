package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.WireJson;
import io.jcompose.engine.image.ImageConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A manifest a registry served: one image's (docker v2 schema 2 or OCI), or an index of them by
 * platform (docker manifest list or OCI index).
 */
sealed interface ManifestDocument {

  /** One image: its config blob and its layer blobs, bottom first. */
  record ImageManifest(Descriptor config, List<Descriptor> layers) implements ManifestDocument {
    public ImageManifest {
      Objects.requireNonNull(config, "config");
      layers = List.copyOf(layers);
    }
  }

  /** Images by platform. */
  record ManifestIndex(List<Entry> manifests) implements ManifestDocument {
    public ManifestIndex {
      manifests = List.copyOf(manifests);
    }

    record Entry(Descriptor manifest, ImageConfig.Platform platform) {}
  }

  record ManifestWire(
      @JsonProperty("schemaVersion") Integer schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("config") DescriptorWire config,
      @JsonProperty("layers") List<DescriptorWire> layers,
      @JsonProperty("manifests") List<DescriptorWire> manifests) {}

  record DescriptorWire(
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("digest") String digest,
      @JsonProperty("size") Long size,
      @JsonProperty("platform") PlatformWire platform) {}

  record PlatformWire(
      @JsonProperty("os") String os,
      @JsonProperty("architecture") String architecture,
      @JsonProperty("variant") String variant) {}

  /**
   * Parses a manifest body; the media type comes from the document, else the response's {@code
   * Content-Type}.
   *
   * @throws RegistryException.Refused for a schema 1 manifest or a document that is neither kind
   */
  static ManifestDocument parse(byte[] body, String contentType, String name) {
    ManifestWire wire;
    try {
      wire = WireJson.mapper().readValue(body, ManifestWire.class);
    } catch (IOException e) {
      throw new RegistryException.Refused("the manifest for " + name + " is not valid JSON");
    }
    String mediaType =
        wire.mediaType() != null && !wire.mediaType().isEmpty() ? wire.mediaType() : contentType;
    if (wire.schemaVersion() != null && wire.schemaVersion() == 1
        || mediaType.startsWith(MediaTypes.DOCKER_SCHEMA1)) {
      throw new RegistryException.Refused(
          "the manifest for "
              + name
              + " uses the deprecated image format v1 (schema 1); push it again with a current"
              + " docker to convert it");
    }
    try {
      if (MediaTypes.isIndex(mediaType) || wire.manifests() != null && wire.config() == null) {
        var entries = new ArrayList<ManifestIndex.Entry>();
        for (DescriptorWire entry : nonNull(wire.manifests())) {
          PlatformWire platform =
              entry.platform() == null ? new PlatformWire("", "", "") : entry.platform();
          entries.add(
              new ManifestIndex.Entry(
                  descriptor(entry),
                  new ImageConfig.Platform(
                      platform.os(), platform.architecture(), platform.variant())));
        }
        return new ManifestIndex(entries);
      }
      if (wire.config() == null) {
        throw new RegistryException.Refused(
            "the manifest for " + name + " has no config (media type " + mediaType + ")");
      }
      var layers = new ArrayList<Descriptor>();
      for (DescriptorWire layer : nonNull(wire.layers())) {
        Descriptor descriptor = descriptor(layer);
        if (!MediaTypes.isLayer(descriptor.mediaType())) {
          throw new RegistryException.Refused(
              "the manifest for "
                  + name
                  + " has a layer of unsupported media type "
                  + descriptor.mediaType());
        }
        layers.add(descriptor);
      }
      return new ImageManifest(descriptor(wire.config()), layers);
    } catch (EngineFault.InvalidArgument | IllegalArgumentException | NullPointerException e) {
      throw new RegistryException.Refused(
          "the manifest for " + name + " is invalid: " + e.getMessage());
    }
  }

  private static Descriptor descriptor(DescriptorWire wire) {
    return new Descriptor(
        Objects.requireNonNullElse(wire.mediaType(), ""),
        Digest.parse(wire.digest()),
        Objects.requireNonNull(wire.size(), "a descriptor without a size"));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}

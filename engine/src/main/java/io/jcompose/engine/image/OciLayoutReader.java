package io.jcompose.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.content.Blob;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OCI image layout ({@code index.json} and {@code blobs/sha256/}): follows each entry of
 * the index through nested indexes to the manifest for this machine's platform, skipping
 * attestation manifests and platforms whose blobs the archive left out.
 */
final class OciLayoutReader {

  private static final int DOCUMENT_LIMIT = 16 * 1024 * 1024;
  private static final int NESTING_LIMIT = 8;

  private final ArchiveContents archive;
  private final ContentStore content;
  private final ImageConfig.Platform platform;

  private OciLayoutReader(
      ArchiveContents archive, ContentStore content, ImageConfig.Platform platform) {
    this.archive = archive;
    this.content = content;
    this.platform = platform;
  }

  static List<PendingImage> read(
      ArchiveContents archive,
      ContentStore content,
      byte[] indexJson,
      ImageConfig.Platform platform) {
    var reader = new OciLayoutReader(archive, content, platform);
    ArchiveJson.Index index = reader.parse(indexJson, ArchiveJson.Index.class, "index.json");
    if (index.manifests == null || index.manifests.isEmpty()) {
      throw new EngineFault.InvalidArgument("index.json of the image archive lists no image");
    }
    var images = new ArrayList<PendingImage>();
    for (int i = 0; i < index.manifests.size(); i++) {
      ArchiveJson.Descriptor top = index.manifests.get(i);
      String origin = "index.json entry " + (i + 1);
      if (top == null || isAttestation(top)) {
        continue;
      }
      Digest topDigest = reader.digest(top, origin);
      ArchiveJson.Manifest manifest =
          reader
              .manifestFor(top, origin, 0)
              .orElseThrow(
                  () ->
                      new EngineFault.InvalidArgument(
                          "the image archive has no image for " + platform + " in " + origin));
      var references = new ArrayList<ImageReference>();
      names(top.annotations)
          .ifPresent(
              name -> {
                references.add(name.withDefaultTag());
                references.add(name.repository().withDigest(topDigest));
              });
      images.add(
          new PendingImage(
              origin,
              reader.present(manifest.config, origin + " config").digest(),
              manifest.layers == null
                  ? List.of()
                  : manifest.layers.stream()
                      .map(layer -> reader.present(layer, origin + " layer").digest())
                      .toList(),
              references));
    }
    if (images.isEmpty()) {
      throw new EngineFault.InvalidArgument("index.json of the image archive lists no image");
    }
    return images;
  }

  /** The manifest a descriptor leads to for this platform, through nested indexes. */
  private Optional<ArchiveJson.Manifest> manifestFor(
      ArchiveJson.Descriptor descriptor, String origin, int depth) {
    if (depth > NESTING_LIMIT) {
      throw new EngineFault.InvalidArgument(origin + ": image indexes nest too deep");
    }
    byte[] json = document(present(descriptor, origin));
    if (!isIndex(descriptor.mediaType, json)) {
      return Optional.of(parse(json, ArchiveJson.Manifest.class, origin));
    }
    ArchiveJson.Index index = parse(json, ArchiveJson.Index.class, origin);
    for (ArchiveJson.Descriptor child :
        index.manifests == null ? List.<ArchiveJson.Descriptor>of() : index.manifests) {
      if (child == null || isAttestation(child) || !matchesPlatform(child)) {
        continue;
      }
      if (archive.blob(digest(child, origin)).isEmpty() && !content.exists(digest(child, origin))) {
        continue; // a platform docker save left out
      }
      Optional<ArchiveJson.Manifest> manifest = manifestFor(child, origin, depth + 1);
      if (manifest.isPresent()) {
        return manifest;
      }
    }
    return Optional.empty();
  }

  private boolean matchesPlatform(ArchiveJson.Descriptor descriptor) {
    if (descriptor.platform == null) {
      return true;
    }
    return platform.os().equals(descriptor.platform.os)
        && platform.architecture().equals(descriptor.platform.architecture);
  }

  private static boolean isAttestation(ArchiveJson.Descriptor descriptor) {
    Map<String, String> annotations = descriptor.annotations;
    boolean attestation =
        annotations != null
            && "attestation-manifest"
                .equals(annotations.get(ArchiveJson.REFERENCE_TYPE_ANNOTATION));
    boolean unknownPlatform =
        descriptor.platform != null && "unknown".equals(descriptor.platform.os);
    return attestation || unknownPlatform;
  }

  private static boolean isIndex(String mediaType, byte[] json) {
    if (ArchiveJson.OCI_INDEX.equals(mediaType)
        || ArchiveJson.DOCKER_MANIFEST_LIST.equals(mediaType)) {
      return true;
    }
    if (mediaType != null && !mediaType.isEmpty()) {
      return false;
    }
    try {
      JsonNode tree = ConfigTranslator.JSON.readTree(json);
      return tree != null && tree.has("manifests");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The reference an index entry names: containerd's {@code io.containerd.image.name}, or an OCI
   * {@code ref.name} that is a whole reference (one that is only a tag names no repository).
   */
  private static Optional<ImageReference> names(Map<String, String> annotations) {
    if (annotations == null) {
      return Optional.empty();
    }
    String name = annotations.get(ArchiveJson.IMAGE_NAME_ANNOTATION);
    if (name == null) {
      String refName = annotations.get(ArchiveJson.REF_NAME_ANNOTATION);
      if (refName != null && (refName.contains("/") || refName.contains(":"))) {
        name = refName;
      }
    }
    return name == null ? Optional.empty() : Optional.of(ImageReference.parse(name));
  }

  /** The blob a descriptor names, present in the archive (or already stored), of its size. */
  private Blob present(ArchiveJson.Descriptor descriptor, String origin) {
    if (descriptor == null) {
      throw new EngineFault.InvalidArgument(origin + " is missing from its manifest");
    }
    Digest digest = digest(descriptor, origin);
    Blob blob =
        archive
            .blob(digest)
            .or(
                () ->
                    content.exists(digest)
                        ? Optional.of(new Blob(digest, content.size(digest)))
                        : Optional.empty())
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "the image archive is missing blob " + digest + " (" + origin + ")"));
    if (descriptor.size != null && descriptor.size != blob.size()) {
      throw new EngineFault.InvalidArgument(
          origin
              + ": blob "
              + digest
              + " has "
              + blob.size()
              + " bytes, its descriptor says "
              + descriptor.size);
    }
    return blob;
  }

  private Digest digest(ArchiveJson.Descriptor descriptor, String origin) {
    try {
      return Digest.parse(descriptor.digest);
    } catch (EngineFault.InvalidArgument e) {
      throw new EngineFault.InvalidArgument(origin + ": " + e.getMessage());
    }
  }

  private byte[] document(Blob blob) {
    if (blob.size() > DOCUMENT_LIMIT) {
      throw new EngineFault.InvalidArgument(
          "manifest " + blob.digest() + " is larger than " + DOCUMENT_LIMIT + " bytes");
    }
    try (InputStream stream = content.read(blob.digest())) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read blob " + blob.digest(), e);
    }
  }

  private <T> T parse(byte[] json, Class<T> type, String origin) {
    try {
      T value = ConfigTranslator.JSON.readValue(json, type);
      if (value == null) {
        throw new EngineFault.InvalidArgument(origin + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(origin + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}

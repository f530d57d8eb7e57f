package io.jcompose.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jcompose.engine.content.Blob;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads docker save's {@code manifest.json}: legacy archives ({@code <id>.json}, {@code
 * <v1id>/layer.tar}) and Docker 25's, whose paths point into {@code blobs/sha256/}.
 */
final class DockerArchiveReader {

  private DockerArchiveReader() {}

  static List<PendingImage> read(ArchiveContents archive, byte[] manifestJson) {
    List<ArchiveJson.ManifestEntry> entries;
    try {
      entries =
          ConfigTranslator.JSON.readValue(
              manifestJson, new TypeReference<List<ArchiveJson.ManifestEntry>>() {});
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "manifest.json of the image archive is not valid: " + e.getMessage(), e);
    }
    if (entries == null || entries.isEmpty()) {
      throw new EngineFault.InvalidArgument("manifest.json of the image archive lists no image");
    }
    var images = new ArrayList<PendingImage>();
    for (int i = 0; i < entries.size(); i++) {
      ArchiveJson.ManifestEntry entry = entries.get(i);
      String origin = "manifest.json entry " + (i + 1);
      if (entry == null || entry.config == null) {
        throw new EngineFault.InvalidArgument(origin + " names no config");
      }
      Digest config = file(archive, entry.config, origin).digest();
      var layers = new ArrayList<Digest>();
      for (String layer : entry.layers == null ? List.<String>of() : entry.layers) {
        layers.add(file(archive, layer, origin).digest());
      }
      var references = new ArrayList<ImageReference>();
      for (String tag : entry.repoTags == null ? List.<String>of() : entry.repoTags) {
        references.add(ImageReference.parse(tag).withDefaultTag());
      }
      images.add(new PendingImage(origin, config, layers, references));
    }
    return images;
  }

  private static Blob file(ArchiveContents archive, String path, String origin) {
    return archive
        .file(path)
        .orElseThrow(
            () ->
                new EngineFault.InvalidArgument(
                    "the image archive is missing " + path + ", named in " + origin));
  }
}

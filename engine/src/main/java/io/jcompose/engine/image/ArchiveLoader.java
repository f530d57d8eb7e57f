package io.jcompose.engine.image;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Loads a {@code docker save} archive streamed from a client: spools its files into the content
 * store, reads whichever layout it has (docker's manifest.json first, as it covers both
 * generations, else the OCI index), checks every config and layer against its digests, and unpacks
 * the layers. It registers nothing: the store commits the result, or cleans up after a failure.
 */
final class ArchiveLoader {

  private static final int CONFIG_LIMIT = 16 * 1024 * 1024;

  /** An image ready to register. */
  record LoadedImage(StoredImage stored, ImageConfig config, List<ImageReference> references) {}

  private ArchiveLoader() {}

  /**
   * @throws EngineFault.InvalidArgument for an archive that is truncated, hostile, inconsistent or
   *     does not match its digests
   */
  static List<LoadedImage> load(
      InputStream archive,
      ContentStore content,
      Snapshotter snapshots,
      ImageConfig.Platform platform,
      Consumer<LoadProgress> progress) {
    ArchiveContents contents = ArchiveContents.spool(archive, content);
    Optional<byte[]> manifest = contents.document(ArchiveContents.MANIFEST);
    Optional<byte[]> index = contents.document(ArchiveContents.INDEX);
    List<PendingImage> pending;
    if (manifest.isPresent()) {
      pending = DockerArchiveReader.read(contents, manifest.get());
    } else if (index.isPresent()) {
      pending = OciLayoutReader.read(contents, content, index.get(), platform);
    } else {
      throw new EngineFault.InvalidArgument(
          "not an image archive: it has neither manifest.json nor index.json");
    }
    var installer = new LayerInstaller(content, snapshots);
    Map<Digest, LoadedImage> loaded = new LinkedHashMap<>();
    for (PendingImage image : pending) {
      ImageConfig config = ConfigTranslator.parse(image.config(), read(content, image));
      LoadedImage earlier = loaded.get(image.config());
      if (earlier == null) {
        StoredImage stored =
            installer.install(image.config(), config, image.layerBlobs(), image.origin(), progress);
        loaded.put(image.config(), new LoadedImage(stored, config, image.references()));
      } else {
        var references = new LinkedHashSet<>(earlier.references());
        references.addAll(image.references());
        loaded.put(
            image.config(),
            new LoadedImage(earlier.stored(), earlier.config(), new ArrayList<>(references)));
      }
    }
    return List.copyOf(loaded.values());
  }

  private static byte[] read(ContentStore content, PendingImage image) {
    if (content.size(image.config()) > CONFIG_LIMIT) {
      throw new EngineFault.InvalidArgument(
          image.origin() + ": the config is larger than " + CONFIG_LIMIT + " bytes");
    }
    try (InputStream stream = content.read(image.config())) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read config " + image.config(), e);
    }
  }
}

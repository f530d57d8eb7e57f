package io.jcompose.engine.image;

import io.jcompose.engine.content.Blob;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Layer;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker import}: a rootfs tar (any compression the layer reader takes) becomes a one-layer
 * image whose config the engine writes: this platform, the creation time, the message as comment,
 * and the {@code --change} instructions.
 */
final class RootfsImporter {

  private RootfsImporter() {}

  static ArchiveLoader.LoadedImage importRootfs(
      InputStream rootfs,
      ImportOptions options,
      ContentStore content,
      Snapshotter snapshots,
      ImageConfig.Platform platform,
      Instant now) {
    Optional<ImageReference> reference =
        options.reference().map(ImageReference::parse).map(ImageReference::withDefaultTag);
    if (reference.isPresent() && reference.get().digest().isPresent()) {
      throw new EngineFault.InvalidArgument("refusing to create a tag with a digest reference");
    }
    ConfigJson.ContainerConfig changes = ImportChanges.apply(options.changes());
    Blob layerBlob;
    try {
      layerBlob = content.ingest(rootfs);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument("cannot read the rootfs archive: " + e.getMessage(), e);
    }
    Layer layer;
    try (InputStream stream = content.read(layerBlob.digest())) {
      layer = snapshots.unpack(stream, Optional.empty());
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read the imported layer " + layerBlob.digest(), e);
    }
    byte[] configJson =
        ConfigTranslator.write(config(platform, now, options.message(), changes, layer.diffId()));
    Blob configBlob;
    try {
      configBlob = content.ingest(new ByteArrayInputStream(configJson));
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array cannot fail", e);
    }
    var stored =
        new StoredImage(
            configBlob.digest().toString(),
            List.of(
                new StoredImage.StoredLayer(
                    layer.diffId().toString(), layerBlob.digest().toString(), layer.tarLength())),
            layer.size(),
            null);
    return new ArchiveLoader.LoadedImage(
        stored,
        ConfigTranslator.parse(configBlob.digest(), configJson),
        reference.map(List::of).orElse(List.of()));
  }

  private static ConfigJson config(
      ImageConfig.Platform platform,
      Instant now,
      String message,
      ConfigJson.ContainerConfig changes,
      Digest diffId) {
    var config = new ConfigJson();
    config.architecture = platform.architecture();
    config.os = platform.os();
    config.created = now.toString();
    config.comment = message.isEmpty() ? null : message;
    config.config = changes;
    config.rootfs = new ConfigJson.Rootfs();
    config.rootfs.type = "layers";
    config.rootfs.diffIds = List.of(diffId.toString());
    var history = new ConfigJson.History();
    history.created = config.created;
    history.comment = config.comment;
    config.history = List.of(history);
    return config;
  }
}

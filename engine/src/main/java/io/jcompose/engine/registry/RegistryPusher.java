package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.ImagePushes;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The engine's registry client behind {@code POST /images/{name}/push}: checks the name and the
 * credentials header before answering, then streams the push ({@link ImagePush}).
 */
final class RegistryPusher implements ImagePushes {

  private final ImageStore images;
  private final RegistryConnector connector;
  private final CompressedLayers compressed;
  private final ExecutorService transfers;

  RegistryPusher(
      ImageStore images,
      RegistryConnector connector,
      CompressedLayers compressed,
      ExecutorService transfers) {
    this.images = images;
    this.connector = connector;
    this.compressed = compressed;
    this.transfers = transfers;
  }

  @Override
  public JsonLinesProducer start(
      String name, String tag, Optional<String> registryAuth, Consumer<String> pushed) {
    ImageReference named = ImageReference.parse(name);
    if (named.digest().isPresent()) {
      throw new EngineFault.InvalidArgument(
          "cannot push a digest reference (" + name + "): push a tag");
    }
    Optional<String> wantedTag =
        tag.isEmpty()
            ? named.tag()
            : ImageReference.parse(named.repository().name() + ":" + tag).tag();
    var credentials = RegistryCredentials.fromHeader(registryAuth);
    return new ImagePush(
        images,
        new ImagePush.Target(named.repository(), wantedTag, credentials, pushed),
        connector,
        new LayerUploads.Sources(images.content(), compressed),
        transfers);
  }
}

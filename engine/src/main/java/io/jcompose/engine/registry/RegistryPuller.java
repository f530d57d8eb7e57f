package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.ImageConfig;
import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The engine's registry client behind {@code POST /images/create?fromImage=}: resolves the
 * reference's manifest (for the requested platform, else this machine's) before answering, so a
 * missing image, refused credentials or an untrusted certificate are an HTTP error as with dockerd,
 * then streams the pull. Docker Hub images come from the first mirror that has them, if any.
 */
final class RegistryPuller implements ImagePulls {

  private final ImageStore images;
  private final RegistryConnector connector;
  private final ExecutorService transfers;

  RegistryPuller(ImageStore images, RegistryConnector connector, ExecutorService transfers) {
    this.images = images;
    this.connector = connector;
    this.transfers = transfers;
  }

  @Override
  public JsonLinesProducer start(
      String fromImage, String tag, Optional<String> platform, Optional<String> registryAuth) {
    ImageReference reference = PullReference.of(fromImage, tag);
    ImageConfig.Platform wanted =
        platform
            .map(text -> PlatformChoice.parse(text, images.platform()))
            .orElse(images.platform());
    var credentials = RegistryCredentials.fromHeader(registryAuth);
    try {
      if (reference.domain().equals(ImageReference.DEFAULT_DOMAIN)) {
        for (String mirror : connector.settings().mirrors()) {
          try {
            RegistryConnector.Connection connection = connector.mirror(mirror);
            // Docker Hub's credentials go to a mirror over TLS only
            return pull(
                connection,
                reference,
                wanted,
                connection.endpoint().plainHttp() ? Optional.empty() : credentials);
          } catch (RegistryException mirrorFailed) {
            // as dockerd: a mirror that fails or lacks the image falls back to the next, then Hub
          }
        }
      }
      return pull(connector.connect(reference.domain()), reference, wanted, credentials);
    } catch (RegistryException failure) {
      throw PullFaults.of(failure, reference);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Unavailable(
          "the pull of " + reference.familiarString() + " was interrupted", e);
    }
  }

  private ImagePull pull(
      RegistryConnector.Connection connection,
      ImageReference reference,
      ImageConfig.Platform wanted,
      Optional<RegistryCredentials> credentials)
      throws InterruptedException {
    var transport =
        new RegistryTransport(connection, reference.path(), credentials, RegistryTransport.PULL);
    ManifestResolver.Resolved resolved =
        ManifestResolver.resolve(
            transport,
            PullReference.manifestReference(reference),
            wanted,
            reference.familiarString());
    return new ImagePull(images, transport, reference, resolved, transfers);
  }
}

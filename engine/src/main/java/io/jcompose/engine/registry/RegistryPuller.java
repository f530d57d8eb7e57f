package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.ImageConfig;
import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's registry client behind {@code POST /images/create?fromImage=}: resolves the
 * reference's manifest (for the requested platform, else this machine's) before answering, so a
 * missing image or refused credentials are an HTTP error as with dockerd, then streams the pull.
 * Each pull has its own HTTP client, so an idle engine holds no connections or selector threads.
 */
public final class RegistryPuller implements ImagePulls {

  private final ImageStore images;
  private final Set<String> insecureRegistries;

  /**
   * @param insecureRegistries {@code host:port} registries reached over plain HTTP (loopback ones
   *     always are)
   */
  public RegistryPuller(ImageStore images, Set<String> insecureRegistries) {
    this.images = images;
    this.insecureRegistries = Set.copyOf(insecureRegistries);
  }

  @Override
  public JsonLinesProducer start(
      String fromImage, String tag, Optional<String> platform, Optional<String> registryAuth) {
    ImageReference reference = PullReference.of(fromImage, tag);
    ImageConfig.Platform wanted =
        platform
            .map(text -> PlatformChoice.parse(text, images.platform()))
            .orElse(images.platform());
    var transport =
        new RegistryTransport(
            RegistryTransport.newClient(),
            RegistryEndpoint.of(reference.domain(), insecureRegistries),
            reference.path(),
            RegistryCredentials.fromHeader(registryAuth));
    try {
      ManifestResolver.Resolved resolved =
          ManifestResolver.resolve(
              transport,
              PullReference.manifestReference(reference),
              wanted,
              reference.familiarString());
      return new ImagePull(images, transport, reference, resolved);
    } catch (RegistryException failure) {
      throw PullFaults.of(failure, reference);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Unavailable(
          "the pull of " + reference.familiarString() + " was interrupted", e);
    }
  }
}

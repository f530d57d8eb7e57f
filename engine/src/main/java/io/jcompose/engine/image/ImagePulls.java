package io.jcompose.engine.image;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import java.util.Optional;

/**
 * Pulls images from registries for {@code POST /images/create?fromImage=}; the engine's registry
 * client implements it.
 */
public interface ImagePulls {

  /**
   * Resolves what to pull (failing before any progress is written, so the client gets an HTTP
   * error) and returns the progress stream that pulls it.
   *
   * @param fromImage the image, possibly with a tag or digest
   * @param tag the tag or digest the client sent separately, may be empty
   * @param platform {@code os/arch[/variant]}, empty for this machine's
   * @param registryAuth the {@code X-Registry-Auth} header
   * @throws EngineFault naming the image when the registry refuses or lacks it
   */
  JsonLinesProducer start(
      String fromImage, String tag, Optional<String> platform, Optional<String> registryAuth);

  /** The answer of an engine without a registry client. */
  static ImagePulls unsupported() {
    return (fromImage, tag, platform, registryAuth) -> {
      throw new EngineFault.NotFound(
          "pull access denied for " + fromImage + ": this engine cannot pull from registries");
    };
  }
}

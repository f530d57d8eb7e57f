package io.jcompose.engine.image;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import java.util.Optional;
import java.util.function.Consumer;

/** Pushes images to registries for {@code POST /images/{name}/push}. */
public interface ImagePushes {

  /**
   * The progress stream that pushes a repository's tag (or all its tags); what goes wrong once the
   * stream started, a missing image included, is an error line in it, as with dockerd.
   *
   * @param name the repository, possibly with a tag
   * @param tag the tag, empty for the tag of {@code name} or else every tag of the repository
   * @param registryAuth the {@code X-Registry-Auth} header
   * @param pushed told of each tag pushed ({@code 127.0.0.1:5000/x:1}), for the {@code push} event
   * @throws EngineFault.InvalidArgument for an invalid name or credentials header
   */
  JsonLinesProducer start(
      String name, String tag, Optional<String> registryAuth, Consumer<String> pushed);

  /** The answer of an engine without a registry client. */
  static ImagePushes unsupported() {
    return (name, tag, registryAuth, pushed) -> {
      throw new EngineFault.InvalidArgument("this engine cannot push to registries");
    };
  }
}

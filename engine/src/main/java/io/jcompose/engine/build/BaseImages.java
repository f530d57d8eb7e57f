package io.jcompose.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.image.ImageConfig;
import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The images a build starts from ({@code FROM image}, {@code COPY --from=image}, named contexts of
 * {@code docker-image://}): the engine's own, else pulled, with the pull's progress in the build
 * output and credentials picked from {@code X-Registry-Config} for the image's registry.
 */
final class BaseImages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ImageStore images;
  private final ImagePulls pulls;
  private final Optional<String> registryConfig;
  private final boolean alwaysPull;

  BaseImages(
      ImageStore images, ImagePulls pulls, Optional<String> registryConfig, boolean alwaysPull) {
    this.images = images;
    this.pulls = pulls;
    this.registryConfig = registryConfig;
    this.alwaysPull = alwaysPull;
  }

  /**
   * The image {@code reference} names, pulled first when the engine lacks it or {@code pull=1}.
   *
   * @param platform {@code os/arch} of FROM {@code --platform} or the request, empty for this
   *     machine's
   */
  Image resolve(String reference, String platform, BuildOutput out)
      throws IOException, InterruptedException {
    // an image of another platform than the stage asks for is not the one to build on: pull it
    Optional<Image> local =
        images.find(reference).filter(image -> matches(image.config().platform(), platform));
    if (local.isPresent() && (!alwaysPull || isId(reference, local.get()))) {
      return local.get();
    }
    ImageReference parsed = ImageReference.parse(reference);
    JsonLinesProducer pull =
        pulls.start(
            reference,
            "",
            Optional.of(platform).filter(value -> !value.isEmpty()),
            credentials(parsed.domain()));
    String[] failure = new String[1];
    pull.produce(
        item -> {
          JsonNode line = JSON.valueToTree(item);
          if (line.hasNonNull("error")) {
            failure[0] = line.get("error").asText();
          } else {
            out.passOn(item);
          }
        });
    if (failure[0] != null) {
      throw new EngineFault.NotFound(failure[0]);
    }
    return images.inspect(reference);
  }

  /** Whether an image of {@code actual} serves {@code wanted} ({@code os[/arch[/variant]]}). */
  static boolean matches(ImageConfig.Platform actual, String wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    String[] fields = wanted.toLowerCase(java.util.Locale.ROOT).split("/", 3);
    return fields[0].equals(actual.os())
        && (fields.length < 2 || fields[1].equals(actual.architecture()))
        && (fields.length < 3 || fields[2].equals(actual.variant()));
  }

  private static boolean isId(String reference, Image image) {
    String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
    return image.id().hex().startsWith(hex);
  }

  /** The {@code X-Registry-Config} entry of {@code domain}, as an {@code X-Registry-Auth}. */
  private Optional<String> credentials(String domain) {
    if (registryConfig.isEmpty()) {
      return Optional.empty();
    }
    JsonNode all;
    try {
      String padded = registryConfig.get().strip().replace('+', '-').replace('/', '_');
      all = JSON.readTree(Base64.getUrlDecoder().decode(padded.replace("=", "")));
    } catch (IOException | IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument(
          "invalid X-Registry-Config header: expected base64url-encoded JSON");
    }
    if (all == null || !all.isObject()) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (registryOf(entry.getKey()).equals(domain)) {
        byte[] auth = entry.getValue().toString().getBytes(StandardCharsets.UTF_8);
        return Optional.of(Base64.getUrlEncoder().encodeToString(auth));
      }
    }
    return Optional.empty();
  }

  /** {@code https://index.docker.io/v1/} is docker.io; {@code http://host:5000} is host:5000. */
  static String registryOf(String key) {
    String host = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    if (host.equals("index.docker.io") || host.equals("registry-1.docker.io")) {
      return ImageReference.DEFAULT_DOMAIN;
    }
    return host;
  }
}

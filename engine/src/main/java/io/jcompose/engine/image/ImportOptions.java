package io.jcompose.engine.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code docker import}.
 *
 * @param reference the {@code repo[:tag]} to tag the new image with
 * @param changes Dockerfile instructions applied to the config: {@code CMD}, {@code ENTRYPOINT},
 *     {@code ENV}, {@code WORKDIR}
 * @param message the image's comment; docker uses {@code Imported from -} for a stream
 */
public record ImportOptions(Optional<String> reference, List<String> changes, String message) {

  public ImportOptions {
    Objects.requireNonNull(reference, "reference");
    changes = List.copyOf(changes);
    message = Objects.requireNonNullElse(message, "");
  }

  public static ImportOptions none() {
    return new ImportOptions(Optional.empty(), List.of(), "Imported from -");
  }
}

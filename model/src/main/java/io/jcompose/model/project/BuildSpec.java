package io.jcompose.model.project;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to build a service's image.
 *
 * @param context a directory (absolute after path resolution) or a remote URL
 * @param args build arguments; a null value means "declared without a value"
 * @param other remaining attributes ({@code cache_from}, {@code ssh}, {@code secrets}...) as plain
 *     values
 */
public record BuildSpec(
    String context,
    Optional<String> dockerfile,
    Optional<String> dockerfileInline,
    Map<String, String> args,
    Optional<String> target,
    Map<String, String> labels,
    Map<String, String> additionalContexts,
    List<String> platforms,
    List<String> tags,
    Map<String, Object> other) {

  public BuildSpec {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(dockerfileInline, "dockerfileInline");
    if (dockerfile.isPresent() && dockerfileInline.isPresent()) {
      throw new IllegalArgumentException("build sets both dockerfile and dockerfile_inline");
    }
    args = Ordered.copy(args);
    Objects.requireNonNull(target, "target");
    labels = Ordered.copy(labels);
    additionalContexts = Ordered.copy(additionalContexts);
    platforms = List.copyOf(platforms);
    tags = List.copyOf(tags);
    other = Ordered.copy(other);
  }
}

package io.jcompose.planner.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A classic (non-BuildKit) image build.
 *
 * @param context the build context directory; {@code .dockerignore} in it applies
 * @param dockerfile the Dockerfile path relative to the context
 * @param tags references to tag the result with
 * @param pull always pull the base images
 * @param additionalContexts named build contexts ({@code build.additional_contexts}): name to an
 *     absolute directory or {@code docker-image://<reference>}
 */
public record ImageBuild(
    Path context,
    String dockerfile,
    List<String> tags,
    Map<String, String> buildArgs,
    Optional<String> target,
    Map<String, String> labels,
    boolean noCache,
    boolean pull,
    Map<String, String> additionalContexts) {

  /** The prefix of a named context that is an image rather than a directory. */
  public static final String IMAGE_CONTEXT_PREFIX = "docker-image://";

  public ImageBuild {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    tags = List.copyOf(tags);
    buildArgs = Map.copyOf(buildArgs);
    Objects.requireNonNull(target, "target");
    labels = Map.copyOf(labels);
    additionalContexts = Map.copyOf(additionalContexts);
    additionalContexts.forEach(
        (name, source) -> {
          if (name.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException(
                "a named build context needs a name and a source: " + name + "=" + source);
          }
          if (!source.startsWith(IMAGE_CONTEXT_PREFIX) && !Path.of(source).isAbsolute()) {
            throw new IllegalArgumentException(
                "the named build context "
                    + name
                    + " is neither an absolute directory nor docker-image://: "
                    + source);
          }
        });
  }

  /** A build without named contexts. */
  public ImageBuild(
      Path context,
      String dockerfile,
      List<String> tags,
      Map<String, String> buildArgs,
      Optional<String> target,
      Map<String, String> labels,
      boolean noCache,
      boolean pull) {
    this(context, dockerfile, tags, buildArgs, target, labels, noCache, pull, Map.of());
  }
}

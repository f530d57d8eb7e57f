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
 */
public record ImageBuild(
    Path context,
    String dockerfile,
    List<String> tags,
    Map<String, String> buildArgs,
    Optional<String> target,
    Map<String, String> labels,
    boolean noCache,
    boolean pull) {

  public ImageBuild {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(dockerfile, "dockerfile");
    tags = List.copyOf(tags);
    buildArgs = Map.copyOf(buildArgs);
    Objects.requireNonNull(target, "target");
    labels = Map.copyOf(labels);
  }
}

package io.jcompose.engine.build;

import io.jcompose.engine.build.context.BuildContexts;
import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.build.dockerfile.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A build checked before its stream starts (so these mistakes are HTTP errors): the extracted
 * contexts, the Dockerfile's text and parse, the global scope and the stages the target needs.
 *
 * @param work the build's scratch directory (layer tars, downloads), deleted after it
 */
record BuildJob(
    BuildContexts contexts,
    String text,
    Dockerfile dockerfile,
    Scope global,
    List<Stage> stages,
    Path work) {
  BuildJob {
    Objects.requireNonNull(contexts, "contexts");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(global, "global");
    stages = List.copyOf(stages);
    Objects.requireNonNull(work, "work");
  }
}

package io.jcompose.engine.build.context;

import java.util.Objects;

/** A named build context: files sent with the request, or an image of the engine. */
public sealed interface NamedContext {

  /** Files the client sent (a directory on its side). */
  record Local(SourceTree tree) implements NamedContext {
    public Local {
      Objects.requireNonNull(tree, "tree");
    }
  }

  /** {@code docker-image://reference}: the image stands in for a stage or base image. */
  record Image(String reference) implements NamedContext {
    public Image {
      Objects.requireNonNull(reference, "reference");
    }
  }
}

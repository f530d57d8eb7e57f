package io.jcompose.model.load;

/**
 * The facade of the model module: runs the loading pipeline of DESIGN.md §2 and never throws for a
 * user error; every problem is a diagnostic in the result.
 */
public final class ProjectLoader {

  private ProjectLoader() {}

  public static LoadResult load(LoadOptions options) {
    throw new UnsupportedOperationException("not yet");
  }
}

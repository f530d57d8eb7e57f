package io.jcompose.planner.reconcile;

import java.util.Map;

/**
 * What {@code build} asks of every build on top of the file.
 *
 * @param buildArgs {@code --build-arg KEY=VALUE}, over the file's args
 * @param noCache {@code --no-cache}
 * @param pull {@code --pull}: always pull the base images
 */
public record BuildOptions(Map<String, String> buildArgs, boolean noCache, boolean pull) {

  public BuildOptions {
    buildArgs = Map.copyOf(buildArgs);
  }

  public static BuildOptions defaults() {
    return new BuildOptions(Map.of(), false, false);
  }
}

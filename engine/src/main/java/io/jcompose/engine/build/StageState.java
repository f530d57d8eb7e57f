package io.jcompose.engine.build;

import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.image.RunConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stage is after a step: the image the step made (empty on {@code FROM scratch} before a
 * step), its config, the variables in scope, the SHELL, and whether CMD was set in the stage.
 */
record StageState(
    Optional<Digest> image,
    RunConfig config,
    Scope scope,
    List<String> shell,
    boolean cmdSet,
    String platform) {

  static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  StageState {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scope, "scope");
    shell = List.copyOf(shell);
    Objects.requireNonNull(platform, "platform");
  }

  static StageState start(Optional<Digest> image, RunConfig config, Scope global, String platform) {
    return new StageState(
        image,
        config,
        global.stage(environment(config.env())),
        config.shell().isEmpty() ? DEFAULT_SHELL : config.shell(),
        false,
        platform);
  }

  StageState withImage(Digest madeImage, RunConfig madeConfig) {
    return new StageState(Optional.of(madeImage), madeConfig, scope, shell, cmdSet, platform);
  }

  StageState withScope(Scope next) {
    return new StageState(image, config, next, shell, cmdSet, platform);
  }

  StageState withShell(List<String> next) {
    return new StageState(image, config, scope, next, cmdSet, platform);
  }

  StageState withCmdSet() {
    return new StageState(image, config, scope, shell, true, platform);
  }

  StageState withConfig(RunConfig next) {
    return new StageState(image, next, scope, shell, cmdSet, platform);
  }

  /** The working directory a step sees: the config's, or {@code /}. */
  String workingDir() {
    return config.workingDir().isEmpty() ? "/" : config.workingDir();
  }

  /** {@code NAME=value} entries as a map, in order; an entry without {@code =} is empty. */
  static Map<String, String> environment(List<String> env) {
    var map = new LinkedHashMap<String, String>();
    for (String entry : env) {
      int equals = entry.indexOf('=');
      if (equals < 0) {
        map.put(entry, "");
      } else {
        map.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return map;
  }
}

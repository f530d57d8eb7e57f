package io.jcompose.engine.runtime;

import io.jcompose.engine.host.HostCommand;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the runtime's tools are and where it keeps state. A second engine given the same layout
 * finds the first one's containers (see {@link OciRuntime#recover()}).
 *
 * @param runc the OCI runtime binary
 * @param conmon the container monitor binary
 * @param stateRoot runc's {@code --root}: the engine's own, so {@code runc list} shows only its
 *     containers and ids never collide with docker's or podman's
 * @param exitDirectory conmon's {@code --exit-dir}: one file per exited container, named by id
 * @param socketDirectory conmon's {@code --socket-dir-path}: short symlinks to the bundles, so
 *     attach socket paths fit in {@code sun_path}
 */
public record RuntimeLayout(
    Path runc, Path conmon, Path stateRoot, Path exitDirectory, Path socketDirectory) {

  public RuntimeLayout {
    requireAbsolute(runc, "runc");
    requireAbsolute(conmon, "conmon");
    requireAbsolute(stateRoot, "stateRoot");
    requireAbsolute(exitDirectory, "exitDirectory");
    requireAbsolute(socketDirectory, "socketDirectory");
  }

  /**
   * The installed runc and conmon, with state under {@code runDirectory} ({@code /run/jcompose} in
   * production: a tmpfs, so a reboot clears it as it clears the containers).
   *
   * @throws io.jcompose.engine.fault.EngineFault.Unavailable naming the package of a missing tool
   */
  public static RuntimeLayout installed(Path runDirectory) {
    return new RuntimeLayout(
        HostCommand.require("runc", "runc"),
        HostCommand.require("conmon", "conmon"),
        runDirectory.resolve("runc"),
        runDirectory.resolve("exits"),
        runDirectory.resolve("socks"));
  }

  private static void requireAbsolute(Path path, String what) {
    Objects.requireNonNull(path, what);
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException(what + " path " + path + " is not absolute");
    }
  }
}

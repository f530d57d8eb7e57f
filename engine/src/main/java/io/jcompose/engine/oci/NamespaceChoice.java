package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Path;
import java.util.Objects;

/** Where one kind of namespace comes from. */
public sealed interface NamespaceChoice
    permits NamespaceChoice.Private, NamespaceChoice.Host, NamespaceChoice.Join {

  NamespaceChoice PRIVATE = new Private();
  NamespaceChoice HOST = new Host();

  /** A new namespace of the container's own (for the network: only loopback, Docker's "none"). */
  record Private() implements NamespaceChoice {}

  /** The host's (the engine's) namespace: {@code network_mode: host}, {@code pid: host}. */
  record Host() implements NamespaceChoice {}

  /**
   * An existing namespace: {@code /var/run/netns/<name>}, or another container's {@code
   * /proc/<pid>/ns/net} (compose's {@code service:x}).
   */
  record Join(Path path) implements NamespaceChoice {
    public Join {
      Objects.requireNonNull(path, "path");
      if (!path.isAbsolute()) {
        throw new EngineFault.InvalidArgument("namespace path \"" + path + "\" is not absolute");
      }
    }
  }
}

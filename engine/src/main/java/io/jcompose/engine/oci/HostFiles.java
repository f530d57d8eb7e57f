package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Host files the engine prepared for this container (DNS, names) and binds over the container's
 * own. A file left out keeps whatever the image has.
 *
 * @param resolvConf bound at {@code /etc/resolv.conf}
 * @param hosts bound at {@code /etc/hosts}
 * @param hostname bound at {@code /etc/hostname}
 */
public record HostFiles(Optional<Path> resolvConf, Optional<Path> hosts, Optional<Path> hostname) {

  public static final HostFiles NONE =
      new HostFiles(Optional.empty(), Optional.empty(), Optional.empty());

  public HostFiles {
    requireAbsolute(resolvConf, "resolv.conf");
    requireAbsolute(hosts, "hosts");
    requireAbsolute(hostname, "hostname");
  }

  private static void requireAbsolute(Optional<Path> file, String what) {
    Objects.requireNonNull(file, what);
    if (file.isPresent() && !file.get().isAbsolute()) {
      throw new EngineFault.InvalidArgument(what + " file \"" + file.get() + "\" is not absolute");
    }
  }
}

package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A filesystem the caller mounts into the container, beside the standard set. */
public sealed interface Mount permits Mount.Bind, Mount.Tmpfs {

  /** The absolute path inside the container. */
  String destination();

  /**
   * A host directory or file (a volume's directory, a bind mount) at {@code destination}.
   *
   * @param source the absolute host path
   * @param readOnly mounted {@code ro} rather than {@code rw}
   */
  record Bind(Path source, String destination, boolean readOnly) implements Mount {
    public Bind {
      Objects.requireNonNull(source, "source");
      if (!source.isAbsolute()) {
        throw new EngineFault.InvalidArgument("bind source \"" + source + "\" is not absolute");
      }
      requireAbsolute(destination);
    }
  }

  /**
   * A tmpfs at {@code destination}.
   *
   * @param sizeBytes its size limit; the kernel's default (half of RAM) when absent
   * @param mode its root's permission bits ({@code 01777} for /tmp); the kernel's default when
   *     absent
   */
  record Tmpfs(String destination, OptionalLong sizeBytes, OptionalInt mode) implements Mount {
    public Tmpfs {
      requireAbsolute(destination);
      Objects.requireNonNull(sizeBytes, "sizeBytes");
      Objects.requireNonNull(mode, "mode");
      if (sizeBytes.isPresent() && sizeBytes.getAsLong() <= 0) {
        throw new EngineFault.InvalidArgument("tmpfs size for " + destination + " must be > 0");
      }
      if (mode.isPresent() && (mode.getAsInt() < 0 || mode.getAsInt() > 07777)) {
        throw new EngineFault.InvalidArgument("tmpfs mode for " + destination + " is invalid");
      }
    }

    public static Tmpfs at(String destination) {
      return new Tmpfs(destination, OptionalLong.empty(), OptionalInt.empty());
    }
  }

  private static void requireAbsolute(String destination) {
    Objects.requireNonNull(destination, "destination");
    if (!destination.startsWith("/") || destination.equals("/")) {
      throw new EngineFault.InvalidArgument(
          "invalid mount destination \"" + destination + "\": must be an absolute path below /");
    }
    for (String part : destination.split("/")) {
      if (part.equals("..")) {
        throw new EngineFault.InvalidArgument(
            "invalid mount destination \"" + destination + "\": must not contain ..");
      }
    }
  }
}

package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image's configuration (the config blob whose digest is the image id), parsed from the OCI /
 * docker JSON into values.
 *
 * @param runConfig the defaults a container of this image runs with ({@code "config"} in the JSON)
 * @param diffIds the digests of the uncompressed layers, bottom first ({@code rootfs.diff_ids})
 */
public record ImageConfig(
    Platform platform,
    Optional<Instant> created,
    String author,
    String comment,
    String dockerVersion,
    RunConfig runConfig,
    List<Digest> diffIds,
    List<History> history) {

  public ImageConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(created, "created");
    author = Objects.requireNonNullElse(author, "");
    comment = Objects.requireNonNullElse(comment, "");
    dockerVersion = Objects.requireNonNullElse(dockerVersion, "");
    Objects.requireNonNull(runConfig, "runConfig");
    diffIds = List.copyOf(diffIds);
    history = List.copyOf(history);
  }

  /** What the image runs on: {@code linux/amd64}, {@code linux/arm/v7}. */
  public record Platform(String os, String architecture, String variant) {
    public Platform {
      os = Objects.requireNonNullElse(os, "");
      architecture = Objects.requireNonNullElse(architecture, "");
      variant = Objects.requireNonNullElse(variant, "");
    }

    /** The platform of this machine, in Go's names ({@code amd64}, {@code arm64}). */
    public static Platform host() {
      String arch = System.getProperty("os.arch");
      String goArch =
          switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm" -> "arm";
            default -> arch;
          };
      return new Platform("linux", goArch, "");
    }

    @Override
    public String toString() {
      return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
  }

  /** One step of how the image was built. */
  public record History(
      Optional<Instant> created, String createdBy, String comment, boolean emptyLayer) {
    public History {
      Objects.requireNonNull(created, "created");
      createdBy = Objects.requireNonNullElse(createdBy, "");
      comment = Objects.requireNonNullElse(comment, "");
    }
  }
}

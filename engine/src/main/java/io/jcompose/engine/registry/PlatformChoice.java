package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageConfig;
import java.util.Optional;

/**
 * Picks the image for a platform from a manifest index, as dockerd does: the os and architecture
 * must match; a requested variant must match too, and without one the first entry for the
 * architecture wins (arm64's {@code v8} is implied).
 */
final class PlatformChoice {

  private PlatformChoice() {}

  /**
   * Parses {@code os[/arch[/variant]]}; the architecture defaults to this machine's.
   *
   * @throws EngineFault.InvalidArgument quoting the input
   */
  static ImageConfig.Platform parse(String text, ImageConfig.Platform host) {
    String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("/", -1);
    if (parts.length > 3 || parts[0].isEmpty()) {
      throw new EngineFault.InvalidArgument(
          "\"" + text + "\": unknown operating system or architecture: invalid argument");
    }
    String architecture = parts.length > 1 ? normalArchitecture(parts[1]) : host.architecture();
    String variant = parts.length > 2 ? parts[2] : "";
    return new ImageConfig.Platform(parts[0], architecture, variant);
  }

  static Optional<Descriptor> select(
      ManifestDocument.ManifestIndex index, ImageConfig.Platform wanted) {
    for (ManifestDocument.ManifestIndex.Entry entry : index.manifests()) {
      ImageConfig.Platform offered = entry.platform();
      if (!offered.os().equals(wanted.os())
          || !normalArchitecture(offered.architecture()).equals(wanted.architecture())) {
        continue;
      }
      if (wanted.variant().isEmpty() || variant(offered).equals(wanted.variant())) {
        return Optional.of(entry.manifest());
      }
    }
    return Optional.empty();
  }

  private static String variant(ImageConfig.Platform platform) {
    if (platform.variant().isEmpty() && platform.architecture().equals("arm64")) {
      return "v8";
    }
    return platform.variant();
  }

  private static String normalArchitecture(String architecture) {
    switch (architecture) {
      case "x86_64":
      case "x86-64":
        return "amd64";
      case "aarch64":
        return "arm64";
      default:
        return architecture;
    }
  }
}

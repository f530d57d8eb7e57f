package io.jcompose.engine.snapshot;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.nio.file.Path;
import java.util.List;

/**
 * Mounts and unmounts overlays with the host's {@code mount} and {@code umount}. The lower dirs are
 * named relative to the snapshotter's {@code l} directory of short links, and {@code mount} runs
 * there, so the option string of an image with many layers stays under the kernel's one-page limit
 * (engine-recipes §1).
 */
final class OverlayMounter {

  /** The kernel copies mount options into one page, terminating NUL included. */
  static final int OPTIONS_LIMIT = 4095;

  private OverlayMounter() {}

  static String options(List<String> lowerTopFirst, Path upper, Path work) {
    return "lowerdir="
        + String.join(":", lowerTopFirst)
        + ",upperdir="
        + upper
        + ",workdir="
        + work
        + ",index=off";
  }

  /**
   * @throws EngineFault.InvalidArgument when the options exceed one page
   * @throws EngineFault.Internal when {@code mount} fails, with what it printed
   */
  static void mount(Path linkDirectory, String options, Path mergedDirectory, int layerCount) {
    checkOptions(options, layerCount);
    String mount = HostCommand.require("mount", "mount").toString();
    HostCommand.run(
            List.of(mount, "-t", "overlay", "overlay", "-o", options, mergedDirectory.toString()),
            linkDirectory)
        .orThrow();
  }

  /**
   * @throws EngineFault.InvalidArgument when the options exceed one page
   */
  static void checkOptions(String options, int layerCount) {
    if (options.length() > OPTIONS_LIMIT) {
      throw new EngineFault.InvalidArgument(
          "an overlay of "
              + layerCount
              + " layers needs "
              + options.length()
              + " bytes of mount options; the kernel takes at most "
              + OPTIONS_LIMIT);
    }
  }

  /**
   * Unmounts {@code mountPoint} if it is mounted; a mount kept busy by a process still inside it is
   * detached lazily ({@code umount -l}) so the container's removal can go on.
   */
  static void unmount(Path mountPoint) {
    if (!MountTable.isMountPoint(mountPoint)) {
      return;
    }
    String umount = HostCommand.require("umount", "mount").toString();
    HostCommand.Result result = HostCommand.run(umount, mountPoint.toString());
    if (result.succeeded() || !MountTable.isMountPoint(mountPoint)) {
      return;
    }
    if (result.stderr().contains("busy")) {
      HostCommand.run(umount, "-l", mountPoint.toString()).orThrow();
      return;
    }
    result.orThrow();
  }
}

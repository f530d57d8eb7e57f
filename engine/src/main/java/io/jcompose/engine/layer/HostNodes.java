package io.jcompose.engine.layer;

import io.jcompose.engine.host.HostCommand;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;

/**
 * The filesystem calls the JDK cannot make, through the host tools the engine recipes were verified
 * with: device nodes and FIFOs ({@code mknod}, {@code mkfifo}), {@code trusted.*} and other
 * extended attributes on a link itself ({@code setfattr -h}), and times of nodes that opening would
 * block on or disturb ({@code touch -h}). Every path handed here was checked to lie inside the
 * layer with real directories as parents.
 */
final class HostNodes {

  private HostNodes() {}

  static void characterDevice(Path path, int major, int minor) {
    HostCommand.run(
            tool("mknod", "coreutils"),
            path.toString(),
            "c",
            Integer.toString(major),
            Integer.toString(minor))
        .orThrow();
  }

  static void blockDevice(Path path, int major, int minor) {
    HostCommand.run(
            tool("mknod", "coreutils"),
            path.toString(),
            "b",
            Integer.toString(major),
            Integer.toString(minor))
        .orThrow();
  }

  static void fifo(Path path) {
    HostCommand.run(tool("mkfifo", "coreutils"), path.toString()).orThrow();
  }

  /** Sets an extended attribute on {@code path} itself (a symbolic link is not followed). */
  static void setXattr(Path path, String name, byte[] value) {
    HostCommand.run(
            tool("setfattr", "attr"),
            "-h",
            "-n",
            name,
            "-v",
            "0s" + Base64.getEncoder().encodeToString(value),
            path.toString())
        .orThrow();
  }

  /** Sets access and modification time of {@code path} itself without opening it. */
  static void setModificationTime(Path path, FileTime time) {
    Instant instant = time.toInstant();
    String seconds = instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
    HostCommand.run(tool("touch", "coreutils"), "-h", "-d", "@" + seconds, path.toString())
        .orThrow();
  }

  private static String tool(String name, String debianPackage) {
    return HostCommand.require(name, debianPackage).toString();
  }
}

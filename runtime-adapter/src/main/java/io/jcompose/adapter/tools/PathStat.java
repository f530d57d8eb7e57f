package io.jcompose.adapter.tools;

import java.util.Objects;

/**
 * A path in a container as the archive API describes it ({@code X-Docker-Container-Path-Stat}).
 *
 * @param name the base name
 * @param size the size in bytes
 * @param mode a Go {@code os.FileMode}: permission bits plus type bits ({@link #DIRECTORY} ...)
 * @param linkTarget where a symlink points, empty otherwise
 */
public record PathStat(String name, long size, long mode, String linkTarget) {

  public static final long DIRECTORY = 1L << 31;
  public static final long SYMLINK = 1L << 27;
  public static final long DEVICE = 1L << 26;
  public static final long NAMED_PIPE = 1L << 25;
  public static final long SOCKET = 1L << 24;
  public static final long CHAR_DEVICE = 1L << 21;
  public static final long IRREGULAR = 1L << 19;

  public PathStat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(linkTarget, "linkTarget");
  }

  public boolean isDirectory() {
    return (mode & DIRECTORY) != 0;
  }

  public boolean isSymlink() {
    return (mode & SYMLINK) != 0;
  }

  /** Neither a directory nor a regular file nor a symlink: a device, pipe or socket. */
  public boolean isSpecial() {
    return (mode & (DEVICE | NAMED_PIPE | SOCKET | CHAR_DEVICE | IRREGULAR)) != 0;
  }
}

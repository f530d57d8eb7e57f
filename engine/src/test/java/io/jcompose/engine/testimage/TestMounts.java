package io.jcompose.engine.testimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The mounts a test made, found in {@code /proc/self/mountinfo} by the test's own directory, so a
 * test can assert none is left and clean up even after a failure.
 */
public final class TestMounts {

  private TestMounts() {}

  /** Mount points at or below {@code directory}, deepest first. */
  public static List<String> under(Path directory) {
    String prefix = directory.toAbsolutePath().toString();
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(line -> line.split(" ")[4].replace("\\040", " "))
          .filter(point -> point.equals(prefix) || point.startsWith(prefix + "/"))
          .sorted(Comparator.comparing(String::length).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lazily unmounts everything at or below {@code directory}. */
  public static void unmountAll(Path directory) {
    for (String point : under(directory)) {
      try {
        Process umount = new ProcessBuilder("umount", "-l", point).inheritIO().start();
        umount.waitFor();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

package io.jcompose.engine.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A conmon process found through its pid file. conmon is not the engine's child (it daemonizes), so
 * it is inspected and waited for through {@code /proc}; a zombie counts as gone.
 *
 * @param pid conmon's process id
 */
record ConmonProcess(long pid) {

  private static final long POLL_MILLIS = 5;

  static Optional<ConmonProcess> read(ContainerBundle bundle) {
    try {
      String text = Files.readString(bundle.conmonPidFile(), StandardCharsets.US_ASCII).strip();
      return text.isEmpty()
          ? Optional.empty()
          : Optional.of(new ConmonProcess(Long.parseLong(text)));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The process is alive (not a zombie) and is the conmon of {@code containerId}. */
  boolean monitors(String containerId) {
    if (!isAlive()) {
      return false;
    }
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      List<String> argv = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
      for (int i = 0; i + 1 < argv.size(); i++) {
        if (argv.get(i).equals("-c") && argv.get(i + 1).equals(containerId)) {
          return argv.get(0).endsWith("conmon");
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Running or sleeping: neither gone nor a zombie waiting to be reaped. */
  boolean isAlive() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int end = stat.lastIndexOf(')');
      char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : 'X';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits until the process is gone or a zombie, checking every few milliseconds: conmon exits a
   * moment after it writes the exit file, and a process that is not the engine's child offers
   * nothing to block on.
   *
   * @return whether it went within {@code limit}
   */
  boolean awaitGone(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (isAlive()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }

  void kill() {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }
}

package io.jcompose.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An exec whose stdio the caller streams ({@code exec -i}, {@code exec -it}): its stdin, stdout and
 * stderr as pipes. With a terminal, {@code runc exec -t} runs under {@code script}, which gives it
 * the pty runc wants as its own stdin (runc then opens the container's console and relays it), so
 * stdout carries the terminal's bytes and stderr stays empty.
 */
public final class ExecSession {

  private final Process process;
  private final Path pidFile;
  private final boolean terminal;

  ExecSession(Process process, Path pidFile, boolean terminal) {
    this.process = process;
    this.pidFile = pidFile;
    this.terminal = terminal;
  }

  public OutputStream stdin() {
    return process.getOutputStream();
  }

  public InputStream stdout() {
    return process.getInputStream();
  }

  public InputStream stderr() {
    return process.getErrorStream();
  }

  public boolean terminal() {
    return terminal;
  }

  /** Waits for the end; the exit code of the exec'd process (runc and script pass it through). */
  public int awaitExit() throws InterruptedException {
    try {
      return process.waitFor();
    } finally {
      deletePidFile();
    }
  }

  /** Kills the exec'd process (then the runc relaying it ends too). */
  public void kill() throws InterruptedException {
    try {
      String pid = Files.readString(pidFile).strip();
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | NumberFormatException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /**
   * The pty runc reads from ({@code /dev/pts/N} of script's session), to resize: a size set on it
   * reaches runc as SIGWINCH, and runc sets it on the container's console.
   */
  public Optional<Path> relayTerminal() {
    if (!terminal) {
      return Optional.empty();
    }
    return process
        .descendants()
        .filter(
            child -> child.info().command().map(command -> command.endsWith("runc")).orElse(false))
        .findFirst()
        .flatMap(
            runc -> {
              try {
                return Optional.of(
                    Files.readSymbolicLink(Path.of("/proc", Long.toString(runc.pid()), "fd", "0")));
              } catch (IOException e) {
                return Optional.empty();
              }
            })
        .filter(path -> path.toString().startsWith("/dev/pts/"));
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // left in the bundle, removed with it
    }
  }
}

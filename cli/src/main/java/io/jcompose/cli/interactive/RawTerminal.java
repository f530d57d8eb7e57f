package io.jcompose.cli.interactive;

import io.jcompose.adapter.TerminalSize;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The user's terminal while a container's TTY is relayed: in raw mode (every key goes to the
 * container as typed, Ctrl-C included; nothing echoed locally), through {@code stty} on {@code
 * /dev/tty}. Closing it, or the JVM ending (a signal, an exception), puts the saved mode back.
 * Window size changes (SIGWINCH) are reported to a listener.
 */
public final class RawTerminal implements AutoCloseable {

  private static final File TTY = new File("/dev/tty");

  private final String savedMode;
  private final Thread restoreAtExit;
  private SignalHandler previousWinch;
  private boolean closed;

  private RawTerminal(String savedMode) {
    this.savedMode = savedMode;
    this.restoreAtExit = new Thread(this::restore, "jcompose-terminal-restore");
  }

  /**
   * Saves the terminal's mode and switches it to raw.
   *
   * @throws IOException when {@code stty} cannot read or set the terminal
   */
  public static RawTerminal enter() throws IOException, InterruptedException {
    var terminal = new RawTerminal(stty("-g").trim());
    Runtime.getRuntime().addShutdownHook(terminal.restoreAtExit);
    try {
      stty("raw", "-echo");
    } catch (IOException | InterruptedException | RuntimeException failure) {
      terminal.close();
      throw failure;
    }
    return terminal;
  }

  /** The terminal's size, when {@code stty size} tells it. */
  public static Optional<TerminalSize> size() {
    try {
      String[] rowsAndColumns = stty("size").trim().split("\\s+");
      if (rowsAndColumns.length == 2) {
        int rows = Integer.parseInt(rowsAndColumns[0]);
        int columns = Integer.parseInt(rowsAndColumns[1]);
        if (rows > 0 && columns > 0) {
          return Optional.of(new TerminalSize(rows, columns));
        }
      }
    } catch (IOException | NumberFormatException unknown) {
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  /** Calls {@code listener} on every window size change until closed. */
  public void onResize(Runnable listener) {
    try {
      previousWinch = Signal.handle(new Signal("WINCH"), signal -> listener.run());
    } catch (IllegalArgumentException | UnsupportedOperationException noSuchSignal) {
      previousWinch = null;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (previousWinch != null) {
      Signal.handle(new Signal("WINCH"), previousWinch);
    }
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(restoreAtExit);
    } catch (IllegalStateException exiting) {
      // the hook is running or has run
    }
  }

  private void restore() {
    try {
      stty(savedMode);
    } catch (IOException restoreFailed) {
      // nothing better to do than leave it; `stty sane` repairs it
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String stty(String... arguments) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<String>();
    command.add("stty");
    command.addAll(java.util.List.of(arguments));
    Process process =
        new ProcessBuilder(command)
            .redirectInput(TTY)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("stty " + String.join(" ", arguments) + " did not return");
    }
    if (process.exitValue() != 0) {
      throw new IOException("stty " + String.join(" ", arguments) + " failed");
    }
    return output;
  }
}

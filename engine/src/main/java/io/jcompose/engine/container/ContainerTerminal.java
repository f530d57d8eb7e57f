package io.jcompose.engine.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * An attached client's terminal side of a container: its stdin relayed in, and the size of the
 * container's terminal. Both go through conmon (its attach socket and its control FIFO).
 */
final class ContainerTerminal {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;

  ContainerTerminal(ContainerSubsystems parts, ContainerRegistry registry) {
    this.parts = parts;
    this.registry = registry;
  }

  /**
   * Relays an attach client's stdin to a container created with {@code OpenStdin} (see {@link
   * AttachedStdin}), on the caller's thread, until the client's input or the run ends; returns at
   * once for a container without stdin.
   */
  void relayStdin(String containerId, InputStream client, CompletableFuture<Void> runEnd)
      throws InterruptedException {
    Container container = registry.resolve(containerId).current();
    if (container.config().stdio().openStdin()) {
      AttachedStdin.relay(parts.directoryOf(containerId).path().resolve("attach"), client, runEnd);
    }
  }

  /**
   * Sets the size of a running container's terminal through conmon's control FIFO; ignored for a
   * container without one. The write happens on a thread of its own: opening a FIFO waits for its
   * reader.
   */
  void resize(String reference, long height, long width) {
    Container container = registry.resolve(reference).current();
    Path control = parts.directoryOf(container.id()).path().resolve("ctl");
    if (!container.config().stdio().tty()
        || !container.isRunning()
        || height <= 0
        || width <= 0
        || !Files.exists(control)) {
      return;
    }
    byte[] message = ("1 " + height + " " + width + "\n").getBytes(StandardCharsets.US_ASCII);
    parts
        .threads()
        .newThread(
            () -> {
              try (FileChannel channel = FileChannel.open(control, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(message));
              } catch (IOException e) {
                // conmon is gone: the container ended
              }
            })
        .start();
  }
}

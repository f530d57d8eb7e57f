package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An attach client's stdin ({@code docker run -i}, {@code docker attach}) relayed to the container:
 * conmon ({@code -i}) takes stdin bytes on its attach socket, a SOCK_SEQPACKET socket the JDK
 * cannot open, so {@code socat} bridges it (its output, conmon's copy of the container's output, is
 * dropped: attach streams output from the log). The relay waits for the socket, which exists once
 * the container runs (the CLI attaches before it starts); the client's half-close closes the
 * container's stdin (conmon does, without {@code --leave-stdin-open}). socat runs in the bundle and
 * names the socket relatively: its absolute path is longer than a socket address may be.
 */
final class AttachedStdin {

  private static final Duration SOCKET_POLL = Duration.ofMillis(50);
  private static final Duration SOCKET_WAIT = Duration.ofSeconds(60);

  private AttachedStdin() {}

  /**
   * Relays until the client's input ends or the run ends; runs on the caller's thread.
   *
   * @param attachSocket conmon's {@code <bundle>/attach}
   */
  static void relay(Path attachSocket, InputStream client, CompletableFuture<Void> runEnd)
      throws InterruptedException {
    Path socat = HostCommand.require("socat", "socat");
    long waited = 0;
    while (!Files.exists(attachSocket)) {
      if (runEnd.isDone() || waited > SOCKET_WAIT.toMillis()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(SOCKET_POLL.toMillis());
      waited += SOCKET_POLL.toMillis();
    }
    Process bridge;
    try {
      bridge =
          new ProcessBuilder(
                  socat.toString(), "-", "UNIX-CONNECT:" + attachSocket.getFileName() + ",type=5")
              .directory(attachSocket.getParent().toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return;
    }
    try (OutputStream stdin = bridge.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int count;
      while ((count = client.read(buffer)) >= 0) {
        stdin.write(buffer, 0, count);
        stdin.flush();
      }
    } catch (IOException e) {
      // the container ended (the bridge with it), or the client went
    } finally {
      if (!bridge.waitFor(2, TimeUnit.SECONDS)) {
        bridge.destroy();
      }
    }
  }

  /**
   * Checks, before an attach with stdin is answered, that the bridge to conmon's socket can run.
   *
   * @throws EngineFault.Unavailable naming the package to install
   */
  static void requireBridge() {
    HostCommand.require("socat", "socat");
  }
}

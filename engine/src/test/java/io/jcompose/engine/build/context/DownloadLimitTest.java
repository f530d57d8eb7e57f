package io.jcompose.engine.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download from a server that stops sending ends: at its time limit, or when interrupted. */
class DownloadLimitTest {

  /** How long a test waits for the download to give up before it calls it hanging. */
  private static final long HANG_MILLIS = 60_000;

  @TempDir Path scratch;
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startStallingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 1_000_000);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[100]);
            out.flush();
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void stalledBody_endsAtTheTimeLimit() throws InterruptedException {
    var failure = new AtomicReference<Throwable>();
    Thread download =
        new Thread(() -> failure.set(attempt(() -> UrlDownload.fetch(url(), scratch, LIMIT))));
    download.start();
    download.join(HANG_MILLIS);

    assertThat(download.isAlive()).as("the download still hangs").isFalse();
    assertThat(failure.get())
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("ADD failed: downloading " + url() + " took longer than PT1S");
  }

  @Test
  void stalledBody_endsWhenTheBuildIsInterrupted() throws InterruptedException {
    var failure = new AtomicReference<Throwable>();
    var interrupted = new AtomicReference<Boolean>();
    Thread download =
        new Thread(
            () -> {
              failure.set(attempt(() -> UrlDownload.fetch(url(), scratch)));
              interrupted.set(Thread.currentThread().isInterrupted());
            });
    download.start();
    Thread.sleep(500); // let it reach the body; an earlier interrupt ends it as well
    download.interrupt();
    download.join(HANG_MILLIS);

    assertThat(download.isAlive()).as("the download still hangs").isFalse();
    assertThat(failure.get())
        .isInstanceOf(EngineFault.Internal.class)
        .hasMessage("interrupted while downloading " + url());
    assertThat(interrupted.get()).as("the interrupt is kept").isTrue();
  }

  private static final Duration LIMIT = Duration.ofSeconds(1);

  private static Throwable attempt(Runnable download) {
    try {
      download.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/file";
  }
}

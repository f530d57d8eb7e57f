package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor against files written the way conmon writes them, without containers. */
class ContainerMonitorTest {

  private final LinkedBlockingQueue<Throwable> uncaught = new LinkedBlockingQueue<>();
  private final ThreadFactory threads =
      task -> {
        Thread thread = new Thread(task, "monitor-test");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((failed, failure) -> uncaught.add(failure));
        return thread;
      };

  @TempDir Path directory;
  private Path exits;
  private Path socks;
  private ContainerMonitor monitor;

  @BeforeEach
  void setUp() throws Exception {
    exits = Files.createDirectories(directory.resolve("exits"));
    socks = Files.createDirectories(directory.resolve("socks"));
  }

  @AfterEach
  void tearDown() {
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  void anExitWrittenThroughATemporaryName_isDeliveredOnceUnderItsId() throws Exception {
    monitor = ContainerMonitor.start(exits, socks, threads);
    var delivered = new LinkedBlockingQueue<ContainerExit>();
    monitor.addListener(delivered::add);

    writeLikeConmon("c1", "42");
    writeLikeConmon("c2", "0");

    ContainerExit first = delivered.take();
    ContainerExit second = delivered.take();
    assertThat(first.containerId()).isEqualTo("c1");
    assertThat(first.exitCode()).isEqualTo(42);
    assertThat(first.finishedAt())
        .isEqualTo(Files.getLastModifiedTime(exits.resolve("c1")).toInstant());
    assertThat(second.containerId()).isEqualTo("c2");
    assertThat(delivered).isEmpty();
    assertThat(monitor.exitOf("c1")).contains(first);
  }

  @Test
  void awaitExit_returnsAnExitThatAlreadyHappened_orWaitsForIt() throws Exception {
    writeLikeConmon("old", "3");
    monitor = ContainerMonitor.start(exits, socks, threads);

    assertThat(monitor.awaitExit("old").exitCode()).isEqualTo(3);
    CompletableFuture<ContainerExit> pending = monitor.onExit("new");
    assertThat(pending).isNotDone();
    writeLikeConmon("new", "143");
    assertThat(pending.get().exitCode()).isEqualTo(143);
    assertThat(monitor.awaitExit("silent", Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void oomKilled_comesFromTheBundleBehindTheSocketSymlink() throws Exception {
    Path bundle = Files.createDirectories(directory.resolve("bundle"));
    Files.createSymbolicLink(socks.resolve("c3"), bundle);
    Files.createFile(bundle.resolve("oom"));
    monitor = ContainerMonitor.start(exits, socks, threads);

    writeLikeConmon("c3", "137");

    assertThat(monitor.awaitExit("c3").oomKilled()).isTrue();
  }

  @Test
  void forget_removesTheExitFile_soTheNextRunIsAwaitedAfresh() throws Exception {
    monitor = ContainerMonitor.start(exits, socks, threads);
    writeLikeConmon("c4", "1");
    assertThat(monitor.awaitExit("c4").exitCode()).isEqualTo(1);

    monitor.forget("c4");

    assertThat(exits.resolve("c4")).doesNotExist();
    assertThat(monitor.exitOf("c4")).isEmpty();
    CompletableFuture<ContainerExit> next = monitor.onExit("c4");
    writeLikeConmon("c4", "2");
    assertThat(next.get().exitCode()).isEqualTo(2);
  }

  @Test
  void awaitExit_isInterruptible() throws Exception {
    monitor = ContainerMonitor.start(exits, socks, threads);
    var outcome = new CompletableFuture<Throwable>();
    var waiting = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              waiting.countDown();
              try {
                monitor.awaitExit("never");
                outcome.complete(null);
              } catch (InterruptedException e) {
                outcome.complete(e);
              }
            });
    waiter.start();
    waiting.await();

    waiter.interrupt();

    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void aListenerThatThrows_doesNotStopTheOthers() throws Exception {
    monitor = ContainerMonitor.start(exits, socks, threads);
    var delivered = new LinkedBlockingQueue<ContainerExit>();
    monitor.addListener(
        exit -> {
          throw new IllegalStateException("listener bug");
        });
    monitor.addListener(delivered::add);

    writeLikeConmon("c5", "0");

    assertThat(delivered.take().containerId()).isEqualTo("c5");
    assertThat(uncaught.take()).hasMessage("listener bug");
  }

  @Test
  void namesThatAreNotContainerIds_areIgnored() {
    assertThat(ContainerMonitor.isContainerId("c1.Y4P9Y3")).isFalse();
    assertThat(ContainerMonitor.isContainerId("abc_DEF-1")).isTrue();
  }

  /** As conmon (glib's g_file_set_contents) does it: a temporary file renamed into place. */
  private void writeLikeConmon(String containerId, String status) throws Exception {
    Path temporary = exits.resolve(containerId + ".Q7ZX2A");
    Files.writeString(temporary, status);
    Files.move(temporary, exits.resolve(containerId), StandardCopyOption.ATOMIC_MOVE);
  }
}

package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failed transfer stops the others, and nothing runs any more once the failure is thrown. */
class TransfersTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theFirstFailure_isThrownOnlyAfterTheOtherTransfersEnded() {
    var slowStarted = new CountDownLatch(1);
    var slowEnded = new AtomicBoolean();
    Transfers.Transfer slow =
        () -> {
          slowStarted.countDown();
          try {
            Thread.sleep(60_000);
          } finally {
            // what a download does on its way out (an ingest finishing, a file removed)
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) {
              Thread.onSpinWait();
            }
            slowEnded.set(true);
          }
        };
    Transfers.Transfer failing =
        () -> {
          slowStarted.await();
          throw new IllegalStateException("digest mismatch");
        };

    assertThatThrownBy(() -> Transfers.runAll(threads, List.of(slow, failing)))
        .hasMessage("digest mismatch");
    assertThat(slowEnded).isTrue();
  }
}

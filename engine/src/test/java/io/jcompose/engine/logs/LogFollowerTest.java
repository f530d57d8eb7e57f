package io.jcompose.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {

  @TempDir Path directory;

  @Test
  void follow_startsWithTheTail_thenReturnsAppendedLines_andEndsWithTheContainer()
      throws Exception {
    Path file = directory.resolve("ctr.log");
    append(file, line(1, "stdout F old 1"), line(2, "stdout F old 2"));
    var exit = new CompletableFuture<Void>();

    try (LogFollower follower = new ContainerLog(file).follow(LogQuery.ALL.withTail(1), exit)) {
      assertThat(follower.next()).map(LogRecord::text).contains("old 2\n");
      append(file, line(3, "stdout P new"));
      appendPartialWrite(file, line(4, "stdout F  3"));
      assertThat(follower.next()).map(LogRecord::text).contains("new 3\n");
      append(file, line(5, "stderr P last words"));
      exit.complete(null);

      assertThat(follower.next()).map(LogRecord::text).contains("last words");
      assertThat(follower.next()).isEmpty();
      assertThat(follower.next()).isEmpty();
    }
  }

  @Test
  void followChunks_handsAnUnfinishedLineOnAtOnce_asAnAttachedTerminalNeedsForAPrompt()
      throws Exception {
    Path file = directory.resolve("ctr.log");
    var exit = new CompletableFuture<Void>();

    try (LogFollower follower = new ContainerLog(file).followChunks(LogQuery.ALL, exit)) {
      append(file, line(1, "stdout F banner"), line(2, "stdout P / # "));
      assertThat(follower.next()).map(LogRecord::text).contains("banner\n");
      assertThat(follower.next()).map(LogRecord::text).contains("/ # ");
      append(file, line(3, "stdout F echo hi"));
      assertThat(follower.next()).map(LogRecord::text).contains("echo hi\n");
      exit.complete(null);
      assertThat(follower.next()).isEmpty();
    }
  }

  @Test
  void follow_waitsForAFileThatDoesNotExistYet() throws Exception {
    Path file = directory.resolve("later.log");
    var exit = new CompletableFuture<Void>();

    try (LogFollower follower = new ContainerLog(file).follow(LogQuery.ALL, exit)) {
      var reader = onOwnThread(() -> nextQuietly(follower));
      append(file, line(1, "stdout F hello"));

      assertThat(reader.join()).map(LogRecord::text).contains("hello\n");
    }
  }

  @Test
  void close_fromAnotherThread_endsABlockedNext() throws Exception {
    Path file = directory.resolve("ctr.log");
    append(file, line(1, "stdout F only"));
    LogFollower follower =
        new ContainerLog(file).follow(LogQuery.ALL.withTail(0), new CompletableFuture<>());
    var blocked = new CountDownLatch(1);
    var reader =
        onOwnThread(
            () -> {
              blocked.countDown();
              return nextQuietly(follower);
            });
    blocked.await();

    follower.close();

    assertThat(reader.join()).isEmpty();
  }

  @Test
  void follow_endsAtTheFirstRecordAfterUntil() throws Exception {
    Path file = directory.resolve("ctr.log");
    append(file, line(1, "stdout F before"), line(5, "stdout F after"), line(6, "stdout F more"));

    try (LogFollower follower =
        new ContainerLog(file)
            .follow(
                LogQuery.ALL.withUntil(Instant.parse("2026-11-27T22:42:03Z")),
                new CompletableFuture<>())) {
      assertThat(follower.next()).map(LogRecord::text).contains("before\n");
      assertThat(follower.next()).isEmpty();
    }
  }

  @Test
  void follow_ofATruncatedFile_startsOverAtItsBeginning() throws Exception {
    Path file = directory.resolve("ctr.log");
    append(file, line(1, "stdout F first file, long enough to be cut"));
    var exit = new CompletableFuture<Void>();

    try (LogFollower follower = new ContainerLog(file).follow(LogQuery.ALL, exit)) {
      assertThat(follower.next()).isPresent();
      Files.writeString(file, line(2, "stdout F rotated"));
      exit.complete(null);

      assertThat(follower.next()).map(LogRecord::text).contains("rotated\n");
      assertThat(follower.next()).isEmpty();
    }
  }

  private static <T> CompletableFuture<T> onOwnThread(java.util.function.Supplier<T> task) {
    var result = new CompletableFuture<T>();
    var thread = new Thread(() -> result.complete(task.get()), "log-follower-test");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static Optional<LogRecord> nextQuietly(LogFollower follower) {
    try {
      return follower.next();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A k8s-file line at 22:42:0<second>. */
  private static String line(int second, String rest) {
    return "2026-11-27T22:42:0" + second + ".000000000+00:00 " + rest + "\n";
  }

  private static void append(Path file, String... lines) throws Exception {
    Files.writeString(
        file, String.join("", lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Appends a line in two writes, as a reader may catch conmon between them. */
  private static void appendPartialWrite(Path file, String line) throws Exception {
    int half = line.length() / 2;
    append(file, line.substring(0, half));
    append(file, line.substring(half));
  }
}

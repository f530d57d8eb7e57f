package io.jcompose.cli.render.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.spi.LogLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LogPrinterTest {

  private final StringWriter out = new StringWriter();

  private LogPrinter printer(boolean color, boolean prefix, boolean timestamps) {
    return new LogPrinter(new PrintWriter(out), color, prefix, timestamps);
  }

  private static LogLine line(String text) {
    return new LogLine(LogLine.Stream.STDOUT, Optional.empty(), text);
  }

  @Test
  void print_padsPrefixesToOneMoreThanTheLongestRegistered() {
    LogPrinter printer = printer(false, true, false);
    printer.register(LogPrinter.prefix("db", 1));
    printer.register(LogPrinter.prefix("web", 1));

    printer.print("web-1", line("listening"));
    printer.print("db-1", line("ready"));

    assertThat(out.toString()).isEqualTo("web-1  | listening\ndb-1   | ready\n");
  }

  @Test
  void print_colorsEachContainerWithTheNextPaletteColor() {
    LogPrinter printer = printer(true, true, false);
    String[] names = {"a-1", "b-1", "c-1", "d-1", "e-1", "f-1", "g-1", "h-1", "i-1", "j-1", "k-1"};
    for (String name : names) {
      printer.register(name);
    }
    for (String name : names) {
      printer.print(name, line("x"));
    }

    assertThat(out.toString().split("\n"))
        .containsExactly(
            "\033[36ma-1  | \033[0mx",
            "\033[33mb-1  | \033[0mx",
            "\033[32mc-1  | \033[0mx",
            "\033[35md-1  | \033[0mx",
            "\033[34me-1  | \033[0mx",
            "\033[36;1mf-1  | \033[0mx",
            "\033[33;1mg-1  | \033[0mx",
            "\033[32;1mh-1  | \033[0mx",
            "\033[35;1mi-1  | \033[0mx",
            "\033[34;1mj-1  | \033[0mx",
            "\033[36mk-1  | \033[0mx");
  }

  @Test
  void print_withoutPrefixWritesTheBareText() {
    LogPrinter printer = printer(true, false, false);

    printer.print("web-1", line("hello"));

    assertThat(out.toString()).isEqualTo("hello\n");
  }

  @Test
  void print_withTimestampsPutsTheLinesTimeAfterThePrefix() {
    LogPrinter printer = printer(false, true, true);
    Instant time = Instant.parse("2025-01-01T10:00:00.123456789Z");

    printer.print("web-1", new LogLine(LogLine.Stream.STDERR, Optional.of(time), "oops"));
    printer.print("web-1", line("no time"));

    assertThat(out.toString())
        .isEqualTo("web-1  | 2025-01-01T10:00:00.123456789Z oops\nweb-1  | no time\n");
  }

  @Test
  void print_splitsEmbeddedLineBreaksAndTrimsCarriageReturns() {
    LogPrinter printer = printer(false, true, false);

    printer.print("web-1", line("first\r\nsecond\n"));
    printer.print("web-1", line("windows\r\n"));
    printer.print("web-1", line("partial"));
    printer.print("web-1", line(""));

    assertThat(out.toString())
        .isEqualTo(
            "web-1  | first\nweb-1  | second\nweb-1  | windows\nweb-1  | partial\nweb-1  | \n");
  }

  @Test
  void notices_printLikeDockerCompose() {
    LogPrinter printer = printer(true, true, false);
    printer.register("web-1");

    printer.exited("web-1", 0);
    printer.message("Attaching to web-1");

    assertThat(out.toString())
        .isEqualTo("\033[36mweb-1 exited with code 0\033[0m\nAttaching to web-1\n");
  }

  @Test
  void print_neverInterleavesLinesOfConcurrentWriters() throws InterruptedException {
    LogPrinter printer = printer(false, true, false);
    int writers = 8;
    int linesEach = 500;
    var go = new CountDownLatch(1);
    var threads = new ArrayList<Thread>();
    for (int writer = 0; writer < writers; writer++) {
      String name = "svc" + writer + "-1";
      String text = ("w" + writer + " ").repeat(40);
      var thread =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException interrupted) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < linesEach; i++) {
                  printer.print(name, line(text + i + "\nsecond half " + i));
                }
              });
      threads.add(thread);
      thread.start();
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(writers * linesEach * 2);
    for (int i = 0; i < lines.length; i += 2) {
      String first = lines[i];
      String name = first.substring(0, first.indexOf(' '));
      String number = first.substring(first.lastIndexOf(' ') + 1);
      String writer = name.substring(3, name.indexOf('-'));
      assertThat(first).matches(name + " +\\| (w" + writer + " ){40}\\d+");
      assertThat(lines[i + 1]).matches(name + " +\\| second half " + number);
    }
  }
}

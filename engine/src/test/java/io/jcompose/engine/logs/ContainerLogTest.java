package io.jcompose.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {

  static final String SAMPLE =
      "2026-11-27T22:42:03.000000001+00:00 stdout F line 0\n"
          + "2026-11-27T22:42:03.000000002+00:00 stderr P err-\n"
          + "2026-11-27T22:42:03.000000003+00:00 stdout P part-\n"
          + "2026-11-27T22:42:04.000000004+00:00 stderr F one\n"
          + "not a log line\n"
          + "2026-11-27T22:42:05.000000005+00:00 stdout P two-\n"
          + "2026-11-27T22:42:06.000000006+00:00 stdout F three\n"
          + "2026-11-27T23:42:07.000000007+01:00 stdout F \n"
          + "2026-11-27T22:42:08.000000008+00:00 stderr P unfinished\n";

  @TempDir Path directory;

  @Test
  void read_rejoinsPartialChunksPerStream_keepingTheFirstChunksTime() throws Exception {
    var log = logWith(SAMPLE);

    List<LogRecord> records = log.read(LogQuery.ALL);

    assertThat(records)
        .extracting(LogRecord::stream, LogRecord::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "line 0\n"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "err-one\n"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "part-two-three\n"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "\n"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "unfinished"));
    assertThat(records.get(1).time()).isEqualTo(Instant.parse("2026-11-27T22:42:03.000000002Z"));
    assertThat(records.get(2).time()).isEqualTo(Instant.parse("2026-11-27T22:42:03.000000003Z"));
    assertThat(records.get(3).time()).isEqualTo(Instant.parse("2026-11-27T22:42:07.000000007Z"));
  }

  @Test
  void read_selectsStreamsTimesAndTheTail() throws Exception {
    var log = logWith(SAMPLE);

    assertThat(log.read(LogQuery.ALL.withStreams(EnumSet.of(LogStream.STDERR))))
        .extracting(LogRecord::text)
        .containsExactly("err-one\n", "unfinished");
    assertThat(log.read(LogQuery.ALL.withTail(2)))
        .extracting(LogRecord::text)
        .containsExactly("\n", "unfinished");
    assertThat(log.read(LogQuery.ALL.withTail(0))).isEmpty();
    assertThat(
            log.read(
                LogQuery.ALL
                    .withSince(Instant.parse("2026-11-27T22:42:03.000000003Z"))
                    .withUntil(Instant.parse("2026-11-27T22:42:07.000000007Z"))))
        .extracting(LogRecord::text)
        .containsExactly("part-two-three\n", "\n");
  }

  @Test
  void read_ofAMissingFile_isEmpty() {
    assertThat(new ContainerLog(directory.resolve("absent.log")).read(LogQuery.ALL)).isEmpty();
  }

  @Test
  void records_keepArbitraryBytes() throws Exception {
    Path file = directory.resolve("ctr.log");
    byte[] prefix = "2026-11-27T22:42:03.000000001+00:00 stdout F ".getBytes();
    byte[] payload = {(byte) 0xff, 0x00, 0x01, ' ', (byte) 0xc3};
    byte[] line = new byte[prefix.length + payload.length + 1];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    System.arraycopy(payload, 0, line, prefix.length, payload.length);
    line[line.length - 1] = '\n';
    Files.write(file, line);

    byte[] read = new ContainerLog(file).read(LogQuery.ALL).get(0).bytes();

    assertThat(read).containsExactly((byte) 0xff, 0x00, 0x01, ' ', (byte) 0xc3, '\n');
  }

  private ContainerLog logWith(String text) throws Exception {
    Path file = directory.resolve("ctr.log");
    Files.writeString(file, text);
    return new ContainerLog(file);
  }
}

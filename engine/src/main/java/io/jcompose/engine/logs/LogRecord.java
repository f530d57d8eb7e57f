package io.jcompose.engine.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line the container wrote, rebuilt from conmon's chunks.
 *
 * @param stream stdout or stderr
 * @param time when conmon read its first chunk (nanosecond precision)
 * @param bytes the line as written, ending in {@code \n} unless the container ended without one
 */
public record LogRecord(LogStream stream, Instant time, byte[] bytes) {

  public LogRecord {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(time, "time");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogRecord record
        && stream == record.stream
        && time.equals(record.time)
        && Arrays.equals(bytes, record.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, time, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return time + " " + stream + " " + text();
  }
}

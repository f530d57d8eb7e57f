package io.jcompose.engine.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * One line of conmon's k8s-file log: {@code <RFC 3339 nano time> <stdout|stderr> <F|P> <bytes>}.
 * {@code P} marks a chunk that did not end a line (no newline yet, or longer than conmon's buffer).
 *
 * @param content the chunk, without the newline conmon appends to every log line
 */
record LogLine(Instant time, LogStream stream, boolean partial, byte[] content) {

  /** Parses a line without its trailing newline; empty for anything malformed. */
  static Optional<LogLine> parse(byte[] line) {
    int first = indexOf(line, (byte) ' ', 0);
    int second = first < 0 ? -1 : indexOf(line, (byte) ' ', first + 1);
    if (second < 0 || second + 2 > line.length) {
      return Optional.empty();
    }
    Instant time;
    try {
      time =
          OffsetDateTime.parse(new String(line, 0, first, StandardCharsets.US_ASCII)).toInstant();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    String streamName = new String(line, first + 1, second - first - 1, StandardCharsets.US_ASCII);
    LogStream stream;
    if (streamName.equals("stdout")) {
      stream = LogStream.STDOUT;
    } else if (streamName.equals("stderr")) {
      stream = LogStream.STDERR;
    } else {
      return Optional.empty();
    }
    byte tag = line[second + 1];
    if (tag != 'F' && tag != 'P') {
      return Optional.empty();
    }
    int contentStart = Math.min(second + 3, line.length);
    return Optional.of(
        new LogLine(time, stream, tag == 'P', Arrays.copyOfRange(line, contentStart, line.length)));
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}

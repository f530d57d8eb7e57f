package io.jcompose.engine.logs;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds the container's lines from conmon's chunks: {@code P} chunks of a stream are held and
 * joined to that stream's next {@code F} line (stdout and stderr chunks interleave independently).
 */
final class LineAssembler {

  private record Pending(Instant time, ByteArrayOutputStream bytes) {}

  private final Map<LogStream, Pending> pending = new EnumMap<>(LogStream.class);
  private final boolean chunks;

  /** Rejoins partial chunks into whole lines, as {@code logs} reads them. */
  LineAssembler() {
    this(false);
  }

  /**
   * @param chunks hand each chunk on as it was written, a partial one without the line end (what an
   *     attached terminal needs: a shell's prompt ends no line)
   */
  LineAssembler(boolean chunks) {
    this.chunks = chunks;
  }

  /** The completed line, once {@code line} ends one. */
  Optional<LogRecord> accept(LogLine line) {
    if (chunks) {
      return Optional.of(chunk(line));
    }
    Pending held = pending.get(line.stream());
    if (held == null) {
      held = new Pending(line.time(), new ByteArrayOutputStream());
      pending.put(line.stream(), held);
    }
    held.bytes().writeBytes(line.content());
    if (line.partial()) {
      return Optional.empty();
    }
    pending.remove(line.stream());
    held.bytes().write('\n');
    return Optional.of(new LogRecord(line.stream(), held.time(), held.bytes().toByteArray()));
  }

  private static LogRecord chunk(LogLine line) {
    byte[] content = line.content();
    if (!line.partial()) {
      content = Arrays.copyOf(content, content.length + 1);
      content[content.length - 1] = '\n';
    }
    return new LogRecord(line.stream(), line.time(), content);
  }

  /** The chunks of lines the container never finished, oldest first. */
  List<LogRecord> flush() {
    var records =
        pending.entrySet().stream()
            .map(
                e ->
                    new LogRecord(
                        e.getKey(), e.getValue().time(), e.getValue().bytes().toByteArray()))
            .sorted(Comparator.comparing(LogRecord::time))
            .toList();
    pending.clear();
    return records;
  }
}

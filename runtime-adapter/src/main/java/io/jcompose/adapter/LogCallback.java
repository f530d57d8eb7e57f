package io.jcompose.adapter;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jcompose.planner.spi.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns demultiplexed frames into lines: frames split lines anywhere, so each stream keeps its
 * unfinished line until the break arrives (or the stream ends). A TTY container's raw stream is
 * stdout. With timestamps, each line starts with the daemon's RFC 3339 time and a space; the lines
 * stamped before {@code notBefore} are dropped, and the times are parsed but not passed on unless
 * the caller asked for them.
 */
final class LogCallback extends StreamCallback<Frame> {

  private final boolean timestamps;
  private final Optional<Instant> notBefore;
  private final Consumer<LogLine> sink;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  /**
   * @param timestamps the lines carry their times, and these are passed on
   * @param notBefore drop the lines stamped before this (the stream must carry timestamps)
   */
  LogCallback(boolean timestamps, Optional<Instant> notBefore, Consumer<LogLine> sink) {
    this.timestamps = timestamps;
    this.notBefore = notBefore;
    this.sink = sink;
  }

  @Override
  protected synchronized void deliver(Frame frame) {
    LogLine.Stream stream =
        frame.getStreamType() == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
    ByteArrayOutputStream pending = stream == LogLine.Stream.STDERR ? stderr : stdout;
    for (byte next : frame.getPayload()) {
      if (next == '\n') {
        emit(stream, pending);
      } else {
        pending.write(next);
      }
    }
  }

  @Override
  protected synchronized void finish() {
    if (stdout.size() > 0) {
      emit(LogLine.Stream.STDOUT, stdout);
    }
    if (stderr.size() > 0) {
      emit(LogLine.Stream.STDERR, stderr);
    }
  }

  private void emit(LogLine.Stream stream, ByteArrayOutputStream pending) {
    String text = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    Optional<Instant> time = Optional.empty();
    if (timestamps || notBefore.isPresent()) {
      int space = text.indexOf(' ');
      String stamp = space < 0 ? text : text.substring(0, space);
      try {
        time = Optional.of(Instant.parse(stamp));
        text = space < 0 ? "" : text.substring(space + 1);
      } catch (DateTimeParseException notAStamp) {
        // keep the line whole
      }
    }
    if (notBefore.isPresent() && time.isPresent() && time.get().isBefore(notBefore.get())) {
      return;
    }
    sink.accept(new LogLine(stream, timestamps ? time : Optional.empty(), text));
  }
}

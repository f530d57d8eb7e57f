package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jcompose.planner.spi.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogCallbackTest {

  private static final String STAMPED =
      "2024-05-01T10:00:00.100000000Z run-1\n2024-05-01T10:00:00.900000000Z run-2\n";

  @Test
  void deliver_dropsTheLinesStampedBeforeASubSecondSinceAndHidesTheTimesNotAskedFor() {
    var lines = new ArrayList<LogLine>();
    var callback =
        new LogCallback(false, Optional.of(Instant.parse("2024-05-01T10:00:00.500Z")), lines::add);

    callback.onNext(new Frame(StreamType.STDOUT, STAMPED.getBytes(StandardCharsets.UTF_8)));

    assertThat(lines)
        .containsExactly(new LogLine(LogLine.Stream.STDOUT, Optional.empty(), "run-2"));
  }

  @Test
  void deliver_keepsTheTimesWhenAskedFor() {
    var lines = new ArrayList<LogLine>();
    var callback = new LogCallback(true, Optional.empty(), lines::add);

    callback.onNext(new Frame(StreamType.STDOUT, STAMPED.getBytes(StandardCharsets.UTF_8)));

    assertThat(lines)
        .extracting(LogLine::text, line -> line.time().orElseThrow())
        .containsExactly(
            tuple("run-1", Instant.parse("2024-05-01T10:00:00.1Z")),
            tuple("run-2", Instant.parse("2024-05-01T10:00:00.9Z")));
  }
}

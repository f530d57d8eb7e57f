package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandardStreamsTest {

  @Test
  void over_decodesOutputIntoTheWriterEvenWhenACharacterIsSplitAcrossWrites() throws Exception {
    var out = new StringWriter();
    StandardStreams streams =
        StandardStreams.over(() -> "", new PrintWriter(out), new PrintWriter(new StringWriter()));
    byte[] text = "grüße ✓\n".getBytes(StandardCharsets.UTF_8);

    for (byte single : text) {
      streams.stdout().write(single);
    }
    streams.stdout().flush();

    assertThat(out).hasToString("grüße ✓\n");
  }

  @Test
  void over_readsStandardInputFromTheText() throws Exception {
    StandardStreams streams =
        StandardStreams.over(
            () -> "typed\n",
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    assertThat(new String(streams.stdin().get().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("typed\n");
    assertThat(streams.terminal()).isFalse();
  }
}

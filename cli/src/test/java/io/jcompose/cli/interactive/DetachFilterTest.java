package io.jcompose.cli.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachFilterTest {

  private final DetachFilter filter = new DetachFilter(DetachKeys.parse("p,q"));
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

  private boolean feed(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return filter.forward(bytes, bytes.length, sent);
  }

  private String sent() {
    return sent.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void forward_passesOrdinaryInput() throws IOException {
    assertThat(feed("echo hi\n")).isFalse();
    assertThat(sent()).isEqualTo("echo hi\n");
  }

  @Test
  void forward_detachesOnTheSequenceWithoutSendingIt() throws IOException {
    assertThat(feed("abpqrest")).isTrue();
    assertThat(sent()).isEqualTo("ab");
  }

  @Test
  void forward_detachesOnASequenceSplitAcrossReads() throws IOException {
    assertThat(feed("xp")).isFalse();
    assertThat(sent()).isEqualTo("x");
    assertThat(feed("q")).isTrue();
    assertThat(sent()).isEqualTo("x");
  }

  @Test
  void forward_sendsAHeldPrefixLateWhenTheSequenceBreaksOff() throws IOException {
    assertThat(feed("ap")).isFalse();
    assertThat(feed("b")).isFalse();
    assertThat(sent()).isEqualTo("apb");
  }

  @Test
  void forward_aBrokenPrefixMayStartTheSequenceAgain() throws IOException {
    assertThat(feed("ppq")).isTrue();
    assertThat(sent()).isEqualTo("p");
  }

  @Test
  void forward_theEndOfTheSequenceAloneIsOrdinary() throws IOException {
    assertThat(feed("qq")).isFalse();
    assertThat(sent()).isEqualTo("qq");
  }
}

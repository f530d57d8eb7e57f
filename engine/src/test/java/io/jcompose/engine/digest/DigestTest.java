package io.jcompose.engine.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {

  private static final String EMPTY =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void of_hashesBytesAndPrintsTheDockerForm() {
    Digest digest = Digest.of(new byte[0]);

    assertThat(digest).hasToString(EMPTY);
    assertThat(Digest.parse(EMPTY)).isEqualTo(digest);
    assertThat(digest.shortHex()).isEqualTo("e3b0c44298fc");
  }

  @Test
  void parse_quotesTheInputWhenItIsNotASha256Digest() {
    assertThatThrownBy(() -> Digest.parse("sha256:abc"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"sha256:abc\"");
    assertThatThrownBy(() -> Digest.parse("sha512:" + "a".repeat(128)))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("unsupported digest algorithm sha512");
    assertThatThrownBy(() -> Digest.parse(EMPTY.toUpperCase()))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(() -> Digest.parse("busybox")).hasMessageContaining("\"busybox\"");
  }

  @Test
  void digestingInputStream_hashesAndCountsEverythingReadOrSkipped() throws Exception {
    byte[] text = "hello, layer".getBytes(StandardCharsets.UTF_8);
    var stream = new DigestingInputStream(new ByteArrayInputStream(text));

    assertThat(stream.read()).isEqualTo('h');
    stream.skip(3);
    stream.drain();

    assertThat(stream.digest()).isEqualTo(Digest.of(text));
    assertThat(stream.byteCount()).isEqualTo(text.length);
  }
}

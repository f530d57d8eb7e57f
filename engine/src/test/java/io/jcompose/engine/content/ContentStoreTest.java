package io.jcompose.engine.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

  private static final byte[] TEXT = "a blob of content".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;

  @Test
  void ingest_storesTheBlobUnderItsDigestAndReadsItBack() throws Exception {
    var store = ContentStore.open(root);

    Blob blob = store.ingest(new ByteArrayInputStream(TEXT));

    assertThat(blob).isEqualTo(new Blob(Digest.of(TEXT), TEXT.length));
    assertThat(root.resolve("content/blobs/sha256/" + blob.digest().hex())).hasBinaryContent(TEXT);
    assertThat(store.exists(blob.digest())).isTrue();
    assertThat(store.size(blob.digest())).isEqualTo(TEXT.length);
    try (InputStream stream = store.read(blob.digest())) {
      assertThat(stream.readAllBytes()).isEqualTo(TEXT);
    }
    assertThat(store.list()).containsExactly(blob.digest());
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void ingest_ofTheSameContentTwiceKeepsOneBlob() throws Exception {
    var store = ContentStore.open(root);

    store.ingest(new ByteArrayInputStream(TEXT), Digest.of(TEXT), OptionalLong.of(TEXT.length));
    store.ingest(new ByteArrayInputStream(TEXT));

    assertThat(store.list()).containsExactly(Digest.of(TEXT));
  }

  @Test
  void ingest_withAWrongDigestIsRefusedAndLeavesNothing() throws Exception {
    var store = ContentStore.open(root);
    Digest other = Digest.of("other".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(
            () -> store.ingest(new ByteArrayInputStream(TEXT), other, OptionalLong.empty()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("digest mismatch: expected " + other)
        .hasMessageContaining("got " + Digest.of(TEXT));

    assertThat(store.list()).isEmpty();
    assertThat(store.exists(other)).isFalse();
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void ingest_withAWrongSizeIsRefusedAndLeavesNothing() throws Exception {
    var store = ContentStore.open(root);

    assertThatThrownBy(
            () -> store.ingest(new ByteArrayInputStream(TEXT), Digest.of(TEXT), OptionalLong.of(3)))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("size mismatch");
    assertThatThrownBy(
            () ->
                store.ingest(
                    new ByteArrayInputStream(TEXT), Digest.of(TEXT), OptionalLong.of(1000)))
        .hasMessageContaining("expected 1000 bytes, got " + TEXT.length);

    assertThat(store.list()).isEmpty();
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void ingest_whoseSourceFailsLeavesNothing() throws Exception {
    var store = ContentStore.open(root);
    InputStream failing =
        new InputStream() {
          private int left = 100_000;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
              throw new IOException("connection reset");
            }
            int count = Math.min(left, length);
            java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            left -= count;
            return count;
          }
        };

    assertThatThrownBy(() -> store.ingest(failing))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");

    assertThat(store.list()).isEmpty();
    assertThat(ingestFiles()).isEmpty();
  }

  @Test
  void open_removesTemporaryFilesOfAnInterruptedIngestion() throws Exception {
    ContentStore.open(root);
    Path leftover = root.resolve("content/ingest/3f2a-half-written");
    Files.writeString(leftover, "half");

    ContentStore.open(root);

    assertThat(leftover).doesNotExist();
  }

  @Test
  void delete_removesTheBlobAndReadThenSaysNotFound() throws Exception {
    var store = ContentStore.open(root);
    Blob blob = store.ingest(new ByteArrayInputStream(TEXT));

    assertThat(store.delete(blob.digest())).isTrue();
    assertThat(store.delete(blob.digest())).isFalse();

    assertThat(store.exists(blob.digest())).isFalse();
    assertThatThrownBy(() -> store.read(blob.digest()))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessageContaining(blob.digest().toString());
  }

  private java.util.List<Path> ingestFiles() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("content/ingest"))) {
      return files.toList();
    }
  }
}

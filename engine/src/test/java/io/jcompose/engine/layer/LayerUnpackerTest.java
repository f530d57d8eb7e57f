package io.jcompose.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.testimage.LayerTar;
import io.jcompose.engine.testimage.TemporaryTrees;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {

  private static final int TYPE_MASK = 0170000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int FIFO = 0010000;

  @TempDir Path temporary;

  @Test
  void unpack_writesEveryEntryTypeWithItsMetadata() throws Exception {
    byte[] tar =
        LayerTar.create()
            .directory("./data", 0750)
            .directory("./data/keep")
            .file("./data/keep/a", "a\n".getBytes(StandardCharsets.UTF_8), 04755)
            .hardLink("./data/keep/hardlink-a", "./data/keep/a")
            .symlink("data/abs-link", "/etc/passwd")
            .symlink("data/rel-escape", "../../../outside")
            .characterDevice("data/null-dev", 1, 3)
            .fifo("data/fifo")
            .file("data/owned", "x", 0640, 1000, 1001, Map.of("user.origin", "layer-test"))
            .file("implicit/parent/file", "made without its directories")
            .toByteArray();
    Path layer = temporary.resolve("layer");

    UnpackedLayer unpacked =
        LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.empty());

    assertThat(unpacked.diffId()).isEqualTo(Digest.of(tar));
    assertThat(unpacked.tarLength()).isEqualTo(tar.length);
    assertThat(unpacked.size()).isEqualTo(2 + 1 + "made without its directories".length());
    Path data = layer.resolve("data");
    assertThat(mode(data)).isEqualTo(040750);
    assertThat(Files.getLastModifiedTime(data).toInstant()).isEqualTo(LayerTar.MTIME);
    assertThat(mode(data.resolve("keep/a"))).isEqualTo(0104755);
    assertThat(Files.getAttribute(data.resolve("keep/hardlink-a"), "unix:ino"))
        .isEqualTo(Files.getAttribute(data.resolve("keep/a"), "unix:ino"));
    assertThat(Files.readSymbolicLink(data.resolve("abs-link"))).hasToString("/etc/passwd");
    assertThat(Files.readSymbolicLink(data.resolve("rel-escape"))).hasToString("../../../outside");
    assertThat(mode(data.resolve("null-dev")) & TYPE_MASK).isEqualTo(CHARACTER_DEVICE);
    assertThat(Files.getAttribute(data.resolve("null-dev"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(makedev(1, 3));
    assertThat(mode(data.resolve("fifo")) & TYPE_MASK).isEqualTo(FIFO);
    assertThat(Files.getAttribute(data.resolve("owned"), "unix:uid")).isEqualTo(1000);
    assertThat(Files.getAttribute(data.resolve("owned"), "unix:gid")).isEqualTo(1001);
    assertThat(xattr(data.resolve("owned"), "user.origin")).contains("layer-test");
    assertThat(layer.resolve("implicit/parent/file")).hasContent("made without its directories");
  }

  @Test
  void unpack_turnsWhiteoutsIntoOverlayWhiteoutsAndOpaqueMarkersIntoTheXattr() throws Exception {
    byte[] tar =
        LayerTar.create()
            .directory("data")
            .whiteout("data/gone")
            .directory("data/opq")
            .opaque("data/opq")
            .file("data/opq/new", "new")
            .file(".wh..wh.plnk/123.456", "aufs hard link bookkeeping")
            .toByteArray();
    Path layer = temporary.resolve("layer");

    LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.empty());

    Path gone = layer.resolve("data/gone");
    assertThat(mode(gone) & TYPE_MASK).isEqualTo(CHARACTER_DEVICE);
    assertThat(Files.getAttribute(gone, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
    assertThat(layer.resolve("data/.wh.gone")).doesNotExist();
    assertThat(xattr(layer.resolve("data/opq"), "trusted.overlay.opaque")).contains("y");
    assertThat(layer.resolve("data/opq/.wh..wh..opq")).doesNotExist();
    assertThat(layer.resolve("data/opq/new")).hasContent("new");
    assertThat(layer.resolve(".wh..wh.plnk")).doesNotExist();
  }

  @Test
  void unpack_readsGzipZstdAndBzip2LayersAndReportsTheUncompressedDiffId() throws Exception {
    byte[] tar = LayerTar.create().directory("etc").file("etc/hostname", "box\n").toByteArray();

    var bzip2 = new java.io.ByteArrayOutputStream();
    try (var compressor =
        new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bzip2)) {
      compressor.write(tar);
    }

    for (byte[] compressed :
        new byte[][] {LayerTar.gzip(tar), LayerTar.zstd(tar), bzip2.toByteArray()}) {
      Path layer = Files.createTempDirectory(temporary, "layer");
      UnpackedLayer unpacked =
          LayerUnpacker.unpack(
              new ByteArrayInputStream(compressed), layer, Optional.of(Digest.of(tar)));

      assertThat(unpacked.diffId()).isEqualTo(Digest.of(tar));
      assertThat(layer.resolve("etc/hostname")).hasContent("box");
    }
  }

  @Test
  void unpack_withAnotherDiffIdRemovesTheLayerDirectory() {
    byte[] tar = LayerTar.create().file("a", "a").toByteArray();
    Digest other = Digest.of("not this layer".getBytes(StandardCharsets.UTF_8));
    Path layer = temporary.resolve("layer");

    assertThatThrownBy(
            () -> LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.of(other)))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("layer diff_id mismatch: expected " + other + ", got " + Digest.of(tar));

    assertThat(layer).doesNotExist();
  }

  @Test
  void unpack_ofATruncatedLayerFailsAndRemovesTheLayerDirectory() {
    byte[] content = new byte[10_000];
    byte[] tar = LayerTar.create().file("big", content, 0644).toByteArray();
    byte[] truncated = Arrays.copyOf(tar, 5_000);
    Path layer = temporary.resolve("layer");

    assertThatThrownBy(
            () ->
                LayerUnpacker.unpack(
                    new ByteArrayInputStream(LayerTar.gzip(truncated)), layer, Optional.empty()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageStartingWith("the layer is not a valid tar stream");
    assertThatThrownBy(
            () ->
                LayerUnpacker.unpack(
                    new ByteArrayInputStream(Arrays.copyOf(LayerTar.zstd(tar), 40)),
                    layer,
                    Optional.empty()))
        .isInstanceOf(EngineFault.InvalidArgument.class);

    assertThat(layer).doesNotExist();
  }

  @Test
  void unpack_replacesAnEarlierEntryOfTheSameNameWithoutFollowingIt() throws Exception {
    Path outside = Files.writeString(temporary.resolve("outside"), "untouched");
    byte[] tar =
        LayerTar.create()
            .symlink("f", outside.toString())
            .file("f", "replaced")
            .directory("d")
            .file("d/child", "gone with d")
            .file("d", "d is a file now")
            .toByteArray();
    Path layer = temporary.resolve("layer");

    LayerUnpacker.unpack(new ByteArrayInputStream(tar), layer, Optional.empty());

    assertThat(outside).hasContent("untouched");
    assertThat(layer.resolve("f")).isRegularFile().hasContent("replaced");
    assertThat(layer.resolve("d")).isRegularFile().hasContent("d is a file now");
  }

  @AfterEach
  void removeLayers() {
    TemporaryTrees.clear(temporary);
  }

  private static int mode(Path path) throws Exception {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
  }

  private static long makedev(int major, int minor) {
    return ((long) major << 8) | minor;
  }

  private static Optional<String> xattr(Path path, String name) {
    var result =
        HostCommand.run(
            "getfattr", "-h", "--only-values", "-n", name, "--absolute-names", path.toString());
    return result.succeeded() ? Optional.of(result.stdout()) : Optional.empty();
  }
}

package io.jcompose.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Layer;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.testimage.ArchiveEdit;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.LayerTar;
import io.jcompose.engine.testimage.TemporaryTrees;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, inconsistent and hostile archives are refused with a clear message, and leave nothing
 * registered: no image, no reference, no blob, no layer, no temporary file.
 */
class ArchiveLoadFailureTest {

  @TempDir Path root;
  private ContentStore content;
  private Snapshotter snapshots;
  private ImageStore images;

  @BeforeEach
  void open() {
    content = ContentStore.open(root);
    snapshots = Snapshotter.open(root, root.resolve("containers"));
    images = ImageStore.open(root, content, snapshots, ImageUsers.NONE, ImageStoreTest.CLOCK);
  }

  @AfterEach
  void removeLayers() {
    TemporaryTrees.clear(root);
  }

  @Test
  void truncatedArchive_isRefused() {
    byte[] archive = BusyboxImage.create().dockerArchive();

    assertRefusedAndNothingLeft(
        Arrays.copyOf(archive, archive.length / 2), "the image archive is truncated or not a tar");
  }

  @Test
  void blobThatDoesNotMatchItsName_isRefused() {
    byte[] archive =
        ArchiveEdit.of(BusyboxImage.create().ociArchive())
            .change(
                (name, bytes) -> {
                  if (name.startsWith("blobs/") && bytes.length > 100_000) {
                    byte[] tampered = bytes.clone();
                    tampered[tampered.length / 2] ^= 1;
                    return tampered;
                  }
                  return bytes;
                })
            .toByteArray();

    assertRefusedAndNothingLeft(archive, "does not match its digest: digest mismatch");
  }

  @Test
  void layerThatDoesNotMatchItsDiffId_isRefused() {
    byte[] other = LayerTar.create().file("not-busybox", "x").toByteArray();
    byte[] archive =
        ArchiveEdit.of(BusyboxImage.create().dockerArchive())
            .change((name, bytes) -> name.endsWith("layer.tar") ? other : bytes)
            .toByteArray();

    assertRefusedAndNothingLeft(
        archive,
        "layer diff_id mismatch: expected "
            + Digest.of(BusyboxImage.rootfsLayer())
            + ", got "
            + Digest.of(other));
  }

  @Test
  void layerThatDoesNotMatchTheDiffIdOfAnUnpackedLayer_isRefused() {
    load(BusyboxImage.create().dockerArchive());
    List<Digest> blobsBefore = content.list();
    byte[] other = LayerTar.create().file("not-busybox", "x").toByteArray();
    byte[] archive =
        ArchiveEdit.of(BusyboxImage.create().tags("second:1").dockerArchive())
            .change((name, bytes) -> name.endsWith("layer.tar") ? other : bytes)
            .toByteArray();

    assertThatThrownBy(() -> load(archive))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("layer diff_id mismatch");

    assertThat(content.list()).isEqualTo(blobsBefore);
    assertThat(images.list(ImageFilter.ALL))
        .extracting(Image::repoTags)
        .containsExactly(List.of("busybox:latest"));
  }

  @Test
  void missingConfigOrLayer_isRefused() {
    BusyboxImage busybox = BusyboxImage.create();
    ArchiveEdit withoutConfig =
        ArchiveEdit.of(busybox.dockerArchive()).remove(busybox.imageId().hex() + ".json");
    assertRefusedAndNothingLeft(
        withoutConfig.toByteArray(),
        "the image archive is missing " + busybox.imageId().hex() + ".json");

    ArchiveEdit withoutLayer = ArchiveEdit.of(busybox.ociArchive());
    String layerBlob =
        withoutLayer.files().entrySet().stream()
            .filter(file -> file.getValue().length > 100_000)
            .map(java.util.Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    assertRefusedAndNothingLeft(
        withoutLayer.remove(layerBlob).toByteArray(), "the image archive is missing blob");
  }

  @Test
  void hostileArchivePaths_areRefused() {
    byte[] archive = BusyboxImage.create().dockerArchive();

    assertRefusedAndNothingLeft(
        ArchiveEdit.of(archive).add("../escape.json", new byte[1]).toByteArray(),
        "image archive entry \"../escape.json\" is refused");
    assertRefusedAndNothingLeft(
        ArchiveEdit.of(archive).add("/etc/evil.json", new byte[1]).toByteArray(),
        "image archive entry \"/etc/evil.json\" is refused");
    byte[] pointingOut =
        ArchiveEdit.of(archive)
            .change(
                (name, bytes) ->
                    name.equals("manifest.json")
                        ? new String(bytes, StandardCharsets.UTF_8)
                            .replaceFirst("[0-9a-f]{64}\\.json", "../../../etc/passwd")
                            .getBytes(StandardCharsets.UTF_8)
                        : bytes)
            .toByteArray();
    assertRefusedAndNothingLeft(pointingOut, "the image archive is missing ../../../etc/passwd");
  }

  @Test
  void hostileLayer_isRefusedNamingTheEntry() {
    byte[] hostile =
        LayerTar.create().symlink("link", "/").file("link/etc/pwned", "x").toByteArray();

    assertRefusedAndNothingLeft(
        BusyboxImage.create().layer(hostile).dockerArchive(),
        "layer entry \"link/etc/pwned\" is refused: link is a symbolic link");
    assertThat(Path.of("/etc/pwned")).doesNotExist();
  }

  @Test
  void archiveWithoutManifestOrIndex_isRefused() {
    byte[] archive =
        ArchiveEdit.of(BusyboxImage.create().dockerArchive()).remove("manifest.json").toByteArray();

    assertRefusedAndNothingLeft(
        archive, "not an image archive: it has neither manifest.json nor index.json");
  }

  @Test
  void archiveWhoseSecondImageIsBroken_registersNeither() {
    BusyboxImage busybox = BusyboxImage.create();
    byte[] archive =
        ArchiveEdit.of(busybox.dockerArchive())
            .change(
                (name, bytes) -> {
                  if (!name.equals("manifest.json")) {
                    return bytes;
                  }
                  String entry = new String(bytes, StandardCharsets.UTF_8);
                  entry = entry.substring(1, entry.length() - 1);
                  String broken =
                      entry
                          .replace("busybox:latest", "second:1")
                          .replace("/layer.tar", "/gone.tar");
                  return ("[" + entry + "," + broken + "]").getBytes(StandardCharsets.UTF_8);
                })
            .toByteArray();

    assertRefusedAndNothingLeft(archive, "named in manifest.json entry 2");
  }

  @Test
  void failedLoad_leavesAnImageThatSharesItsLayerIntact() throws Exception {
    load(BusyboxImage.create().dockerArchive());
    List<Digest> blobsBefore = content.list();
    List<Layer> layersBefore = snapshots.layers();
    byte[] hostile = LayerTar.create().file("../x", "x").toByteArray();

    assertThatThrownBy(
            () -> load(BusyboxImage.create().tags("app:1").layer(hostile).dockerArchive()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"../x\" is refused");

    assertThat(content.list()).isEqualTo(blobsBefore);
    assertThat(snapshots.layers()).isEqualTo(layersBefore);
    assertThat(images.inspect("busybox").repoTags()).containsExactly("busybox:latest");
    assertThat(layersBefore.get(0).directory().resolve("bin/busybox")).exists();
  }

  private void assertRefusedAndNothingLeft(byte[] archive, String message) {
    assertThatThrownBy(() -> load(archive))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining(message);

    assertThat(images.list(ImageFilter.ALL)).isEmpty();
    assertThat(content.list()).isEmpty();
    assertThat(snapshots.layers()).isEmpty();
    assertThat(children(root.resolve("content/ingest"))).isEmpty();
    assertThat(children(root.resolve("snapshots")))
        .containsExactlyInAnyOrder("l", "layers", "rootfs");
    assertThat(children(root.resolve("snapshots/l"))).containsExactly("empty");
    assertThat(
            ImageStore.open(root, content, snapshots, ImageUsers.NONE, ImageStoreTest.CLOCK)
                .list(ImageFilter.ALL))
        .isEmpty();
  }

  private void load(byte[] archive) {
    images.load(new ByteArrayInputStream(archive), event -> {});
  }

  private static List<String> children(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package io.jcompose.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.testimage.ArchiveEdit;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.LayerTar;
import io.jcompose.engine.testimage.TemporaryTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportAndSaveTest {

  @TempDir Path root;
  private ContentStore content;
  private Snapshotter snapshots;
  private ImageStore images;

  @BeforeEach
  void open() {
    images = openStore(root);
  }

  @AfterEach
  void removeLayers() {
    TemporaryTrees.clear(root);
  }

  @Test
  void importRootfs_makesAOneLayerImageWithTheChanges() {
    byte[] rootfs = BusyboxImage.rootfsLayer();
    var options =
        new ImportOptions(
            Optional.of("imported/busybox:1"),
            List.of(
                "CMD [\"echo\", \"hi\"]",
                "ENTRYPOINT /bin/sh -c",
                "ENV A=1 B=two",
                "ENV GREETING hello world",
                "WORKDIR /tmp"),
            "Imported from -");

    Image image = images.importRootfs(new ByteArrayInputStream(LayerTar.gzip(rootfs)), options);

    assertThat(image.repoTags()).containsExactly("imported/busybox:1");
    assertThat(image.diffIds()).containsExactly(Digest.of(rootfs));
    assertThat(image.config().created()).contains(ImageStoreTest.CLOCK.instant());
    assertThat(image.config().comment()).isEqualTo("Imported from -");
    assertThat(image.config().platform()).isEqualTo(ImageConfig.Platform.host());
    RunConfig run = image.config().runConfig();
    assertThat(run.cmd()).containsExactly("echo", "hi");
    assertThat(run.entrypoint()).containsExactly("/bin/sh", "-c", "/bin/sh -c");
    assertThat(run.env()).containsExactly("A=1", "B=two", "GREETING=hello world");
    assertThat(run.workingDir()).isEqualTo("/tmp");
    assertThat(images.inspect("imported/busybox:1")).isEqualTo(image);
    assertThat(snapshots.layer(Digest.of(rootfs)).orElseThrow().directory().resolve("bin/busybox"))
        .exists();
  }

  @Test
  void importRootfs_ofAHostileTarOrWithABadChangeLeavesNothing() {
    byte[] hostile = LayerTar.create().file("/etc/cron.d/pwned", "x").toByteArray();

    assertThatThrownBy(
            () -> images.importRootfs(new ByteArrayInputStream(hostile), ImportOptions.none()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"/etc/cron.d/pwned\" is refused");
    assertThatThrownBy(
            () ->
                images.importRootfs(
                    new ByteArrayInputStream(BusyboxImage.rootfsLayer()),
                    new ImportOptions(Optional.empty(), List.of("RUN rm -rf /"), "")))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "\"RUN rm -rf /\" is not a valid change command: docker import changes may be CMD,"
                + " ENTRYPOINT, ENV or WORKDIR only");

    assertThat(images.list(ImageFilter.ALL)).isEmpty();
    assertThat(content.list()).isEmpty();
    assertThat(snapshots.layers()).isEmpty();
  }

  @Test
  void save_writesADockerArchiveThatLoadsAsTheSameImage() throws Exception {
    BusyboxImage busybox =
        BusyboxImage.create()
            .tags("busybox:latest", "busybox:1", "local/app:2")
            .layer(LayerTar.create().file("hello", "world").toByteArray());
    images.load(new ByteArrayInputStream(busybox.ociArchive()), event -> {});

    var saved = new ByteArrayOutputStream();
    images.save(List.of("busybox"), saved);

    Map<String, byte[]> files = ArchiveEdit.of(saved.toByteArray()).files();
    assertThat(files).containsKey(busybox.imageId().hex() + ".json");
    assertThat(files.get(busybox.imageId().hex() + ".json")).isEqualTo(busybox.configJson());
    for (byte[] layer : busybox.layers()) {
      assertThat(files.get(Digest.of(layer).hex() + "/layer.tar")).isEqualTo(layer);
    }
    assertThat(new String(files.get("manifest.json"), StandardCharsets.UTF_8))
        .contains("\"RepoTags\":[\"busybox:1\",\"busybox:latest\"]");

    ImageStore other = openStore(root.resolve("other"));
    var progress = new java.util.ArrayList<String>();
    other.load(
        new ByteArrayInputStream(saved.toByteArray()), event -> progress.add(event.message()));
    assertThat(progress).contains("Loaded image: busybox:1", "Loaded image: busybox:latest");
    assertThat(other.inspect("busybox:1").id()).isEqualTo(busybox.imageId());
    assertThatThrownBy(() -> other.inspect("local/app:2")).isInstanceOf(EngineFault.NotFound.class);
  }

  @Test
  void save_byIdWritesNoTagsAndOfAnUnknownNameFailsBeforeWriting() throws Exception {
    BusyboxImage busybox = BusyboxImage.create();
    images.load(new ByteArrayInputStream(busybox.dockerArchive()), event -> {});

    var saved = new ByteArrayOutputStream();
    images.save(List.of(busybox.imageId().shortHex()), saved);

    assertThat(new String(ArchiveEdit.of(saved.toByteArray()).files().get("manifest.json")))
        .doesNotContain("RepoTags");
    var nothing = new ByteArrayOutputStream();
    assertThatThrownBy(() -> images.save(List.of("nope:1"), nothing))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessage("No such image: nope:1");
    assertThat(nothing.size()).isZero();
  }

  private ImageStore openStore(Path directory) {
    content = ContentStore.open(directory);
    snapshots = Snapshotter.open(directory, directory.resolve("containers"));
    return ImageStore.open(directory, content, snapshots, ImageUsers.NONE, ImageStoreTest.CLOCK);
  }
}

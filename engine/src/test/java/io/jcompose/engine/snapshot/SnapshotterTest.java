package io.jcompose.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.testimage.LayerTar;
import io.jcompose.engine.testimage.TemporaryTrees;
import io.jcompose.engine.testimage.TestMounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotterTest {

  @TempDir Path temporary;
  private Path containers;
  private Snapshotter snapshotter;

  @BeforeEach
  void open() {
    containers = temporary.resolve("containers");
    snapshotter = Snapshotter.open(temporary, containers);
  }

  @AfterEach
  void unmountEverything() {
    List<String> left = TestMounts.under(temporary);
    TestMounts.unmountAll(temporary);
    TemporaryTrees.clear(temporary);
    assertThat(left).as("mounts left behind by the test").isEmpty();
  }

  @Test
  void prepare_mountsAnOverlayWhoseMergedViewAppliesWhiteoutsOpaqueDirsAndNewContent()
      throws Exception {
    Digest base =
        unpack(
            LayerTar.create()
                .directory("data")
                .directory("data/keep")
                .file("data/keep/a", "a\n".getBytes(StandardCharsets.UTF_8), 0644)
                .hardLink("data/keep/hardlink-a", "data/keep/a")
                .file("data/gone", "to be deleted")
                .directory("data/dir-to-delete")
                .file("data/dir-to-delete/f", "f")
                .directory("data/opq")
                .file("data/opq/old", "old"));
    Digest changes =
        unpack(
            LayerTar.create()
                .directory("data")
                .directory("data/keep")
                .file("data/keep/a", "a\nchanged\n".getBytes(StandardCharsets.UTF_8), 04755));
    Digest deletions =
        unpack(
            LayerTar.create()
                .directory("data")
                .whiteout("data/gone")
                .whiteout("data/dir-to-delete")
                .directory("data/opq")
                .opaque("data/opq")
                .file("data/opq/new", "new"));

    Rootfs rootfs = snapshotter.prepare("c1", List.of(base, changes, deletions));

    Path merged = rootfs.mergedDirectory();
    assertThat(merged).isEqualTo(containers.resolve("c1/merged"));
    assertThat(merged.resolve("data/gone")).doesNotExist();
    assertThat(merged.resolve("data/dir-to-delete")).doesNotExist();
    assertThat(list(merged.resolve("data/opq"))).containsExactly("new");
    assertThat(merged.resolve("data/keep/a")).hasContent("a\nchanged");
    assertThat(Files.getAttribute(merged.resolve("data/keep/a"), "unix:mode")).isEqualTo(0104755);
    assertThat(merged.resolve("data/keep/hardlink-a")).hasContent("a");
    assertThat(list(merged.resolve("data"))).containsExactlyInAnyOrder("keep", "opq");

    Files.writeString(merged.resolve("data/written-by-container"), "upper");
    assertThat(rootfs.upperDirectory().resolve("data/written-by-container")).exists();
    assertThat(snapshotter.mounts())
        .singleElement()
        .satisfies(
            mount -> {
              assertThat(mount.containerId()).isEqualTo("c1");
              assertThat(mount.mountPoint()).isEqualTo(merged);
            });

    snapshotter.release("c1");

    assertThat(TestMounts.under(temporary)).isEmpty();
    assertThat(snapshotter.mounts()).isEmpty();
    assertThat(containers.resolve("c1")).doesNotExist();
    assertThat(snapshotter.rootfs("c1")).isEmpty();
  }

  @Test
  void prepare_mountsAnImageOf150LayersThanksToShortLinks() throws Exception {
    var layers = new ArrayList<Digest>();
    for (int i = 0; i < 150; i++) {
      layers.add(unpack(LayerTar.create().directory("layers").file("layers/" + i, "" + i)));
    }
    long fullPathsLength =
        layers.stream()
            .mapToLong(
                diffId ->
                    snapshotter.layer(diffId).orElseThrow().directory().toString().length() + 1)
            .sum();
    assertThat(fullPathsLength).as("lowerdir with full paths").isGreaterThan(4096);

    Rootfs rootfs = snapshotter.prepare("many", layers);

    assertThat(list(rootfs.mergedDirectory().resolve("layers"))).hasSize(150);
    assertThat(rootfs.mergedDirectory().resolve("layers/149")).hasContent("149");
    assertThat(snapshotter.mounts().get(0).options().length()).isLessThan(4096);
    snapshotter.release("many");
  }

  @Test
  void unmountThenPrepare_keepsTheContainersChanges() throws Exception {
    Digest layer = unpack(LayerTar.create().file("etc-hostname", "image"));
    Rootfs rootfs = snapshotter.prepare("c2", List.of(layer));
    Files.writeString(rootfs.mergedDirectory().resolve("etc-hostname"), "changed");

    snapshotter.unmount("c2");
    assertThat(TestMounts.under(temporary)).isEmpty();
    assertThat(snapshotter.prepare("c2", List.of(layer))).isEqualTo(rootfs);
    assertThat(snapshotter.prepare("c2", List.of(layer))).isEqualTo(rootfs);

    assertThat(rootfs.mergedDirectory().resolve("etc-hostname")).hasContent("changed");
    assertThat(TestMounts.under(temporary)).hasSize(1);
    assertThatThrownBy(() -> snapshotter.prepare("c2", List.of()))
        .isInstanceOf(EngineFault.Conflict.class);
    snapshotter.release("c2");
  }

  @Test
  void prepare_ofAnUnknownLayerIsNotFoundAndOfNoLayersGivesAnEmptyRoot() throws Exception {
    Digest unknown = Digest.of("no such layer".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> snapshotter.prepare("c3", List.of(unknown)))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessageContaining(unknown.toString());

    Rootfs empty = snapshotter.prepare("c4", List.of());
    assertThat(list(empty.mergedDirectory())).isEmpty();
    snapshotter.release("c4");
  }

  @Test
  void unpack_ofAKnownDiffIdReusesTheLayerAndReopenKeepsLayers() throws Exception {
    byte[] tar = LayerTar.create().file("a", "a").toByteArray();
    Layer first = snapshotter.unpack(new ByteArrayInputStream(tar), Optional.empty());
    Layer again = snapshotter.unpack(new ByteArrayInputStream(tar), Optional.empty());
    Layer known =
        snapshotter.unpack(new ByteArrayInputStream(new byte[0]), Optional.of(first.diffId()));

    assertThat(again).isEqualTo(first);
    assertThat(known).isEqualTo(first);
    assertThat(snapshotter.layers()).containsExactly(first);

    Files.createDirectories(temporary.resolve("snapshots/999/diff"));
    Snapshotter reopened = Snapshotter.open(temporary, containers);

    assertThat(reopened.layers()).containsExactly(first);
    assertThat(temporary.resolve("snapshots/999")).doesNotExist();
    assertThat(first.directory().resolve("a")).hasContent("a");
  }

  @Test
  void removeUnused_keepsLayersInUseAndRemovesTheRest() throws Exception {
    Digest kept = unpack(LayerTar.create().file("kept", "1"));
    Digest mounted = unpack(LayerTar.create().file("mounted", "2"));
    Digest unused = unpack(LayerTar.create().file("unused", "3"));
    Path unusedDirectory = snapshotter.layer(unused).orElseThrow().directory();
    snapshotter.prepare("c5", List.of(mounted));

    assertThat(snapshotter.removeUnused(List.of(kept))).containsExactly(unused);

    assertThat(snapshotter.layers())
        .extracting(Layer::diffId)
        .containsExactlyInAnyOrder(kept, mounted);
    assertThat(unusedDirectory.getParent()).doesNotExist();
    try (Stream<Path> links = Files.list(temporary.resolve("snapshots/l"))) {
      assertThat(links.filter(link -> Files.isSymbolicLink(link))).hasSize(2);
    }
    snapshotter.release("c5");
    assertThat(snapshotter.removeUnused(List.of())).containsExactlyInAnyOrder(kept, mounted);
  }

  private Digest unpack(LayerTar layer) {
    return snapshotter
        .unpack(new ByteArrayInputStream(layer.toByteArray()), Optional.empty())
        .diffId();
  }

  private static List<String> list(Path directory) throws Exception {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS))
          .map(path -> path.getFileName().toString())
          .toList();
    }
  }
}

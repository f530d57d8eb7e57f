package io.jcompose.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.LayerTar;
import io.jcompose.engine.testimage.TemporaryTrees;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images a build step commits: parents, layers, history, listing and removal. */
class ImageCommitTest {

  @TempDir Path root;
  private Snapshotter snapshots;
  private ImageStore images;
  private Image busybox;

  @BeforeEach
  void open() {
    snapshots = Snapshotter.open(root, root.resolve("containers"));
    images =
        ImageStore.open(
            root, ContentStore.open(root), snapshots, imageId -> List.of(), ImageStoreTest.CLOCK);
    images.load(new ByteArrayInputStream(BusyboxImage.create().dockerArchive()), event -> {});
    busybox = images.inspect("busybox");
  }

  @AfterEach
  void clear() {
    TemporaryTrees.clear(root);
  }

  @Test
  void commit_addsALayerAndAHistoryEntryOnTheParent() throws Exception {
    Path tar = root.resolve("step.tar");
    Files.write(tar, LayerTar.create().file("built.txt", "built\n").toByteArray());
    RunConfig config = busybox.config().runConfig();

    Image step = images.commit(commit(busybox.id(), config, "/bin/sh -c echo built", tar));

    assertThat(step.parent()).contains(busybox.id());
    assertThat(step.diffIds()).hasSize(2).startsWith(busybox.diffIds().get(0));
    Digest diffId = step.diffIds().get(1);
    assertThat(diffId).isEqualTo(Digest.of(Files.readAllBytes(tar)));
    assertThat(snapshots.layer(diffId).orElseThrow().directory().resolve("built.txt"))
        .hasContent("built\n");
    ImageConfig.History last = step.config().history().get(step.config().history().size() - 1);
    assertThat(last.createdBy()).isEqualTo("/bin/sh -c echo built");
    assertThat(last.emptyLayer()).isFalse();
    assertThat(images.inspect(step.id().toString())).isEqualTo(step);
  }

  @Test
  void intermediateImages_areHiddenFromListings_andGoWithTheImageBuiltOnThem() {
    Image middle = images.commit(configOnly(busybox.id(), "LABEL a=1"));
    Image top = images.commit(configOnly(middle.id(), "LABEL b=2"));
    images.tag(top.id().toString(), "built:1");

    assertThat(images.list(ImageFilter.ALL))
        .extracting(Image::id)
        .containsExactlyInAnyOrder(busybox.id(), top.id());
    assertThat(images.list(ImageFilter.ALL, true)).hasSize(3);
    assertThatThrownBy(() -> images.remove(middle.id().toString(), true))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("image has dependent child images");

    List<RemovedImage> removed = images.remove("built:1", false);

    assertThat(removed)
        .containsExactly(
            new RemovedImage.Untagged("built:1"),
            new RemovedImage.Deleted(top.id().toString()),
            new RemovedImage.Deleted(middle.id().toString()));
    assertThat(images.list(ImageFilter.ALL, true))
        .extracting(Image::id)
        .containsExactly(busybox.id());
  }

  @Test
  void commit_fromScratch_startsAnImageOfItsOwnPlatform() {
    Image scratch =
        images.commit(
            new ImageCommit(
                Optional.empty(),
                RunConfig.EMPTY,
                "/bin/sh -c #(nop)  LABEL a=b",
                Optional.empty(),
                new ImageConfig.Platform("linux", "arm64", "v8")));

    assertThat(scratch.diffIds()).isEmpty();
    assertThat(scratch.parent()).isEmpty();
    assertThat(scratch.config().platform().toString()).isEqualTo("linux/arm64/v8");
    assertThat(scratch.config().history()).singleElement().matches(ImageConfig.History::emptyLayer);
  }

  private ImageCommit configOnly(Digest parent, String text) {
    return new ImageCommit(
        Optional.of(parent),
        busybox.config().runConfig(),
        "/bin/sh -c #(nop)  " + text,
        Optional.empty(),
        images.platform());
  }

  private ImageCommit commit(Digest parent, RunConfig config, String createdBy, Path tar) {
    return new ImageCommit(
        Optional.of(parent), config, createdBy, Optional.of(tar), images.platform());
  }
}

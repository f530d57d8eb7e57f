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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;
  private ContentStore content;
  private Snapshotter snapshots;
  private List<ImageUsers.User> users;
  private ImageStore images;
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void open() {
    content = ContentStore.open(root);
    snapshots = Snapshotter.open(root, root.resolve("containers"));
    users = new ArrayList<>();
    images = ImageStore.open(root, content, snapshots, imageId -> users, CLOCK);
  }

  @Test
  void load_ofADockerArchiveRegistersTheImageUnderItsConfigDigest() throws Exception {
    BusyboxImage busybox = BusyboxImage.create();

    List<Image> loaded = load(busybox.dockerArchive());

    Digest diffId = Digest.of(BusyboxImage.rootfsLayer());
    assertThat(progress)
        .containsExactly("Loaded layer " + diffId.shortHex(), "Loaded image: busybox:latest");
    Image image = images.inspect("busybox");
    assertThat(loaded).containsExactly(image);
    assertThat(image.id()).isEqualTo(busybox.imageId());
    assertThat(image.repoTags()).containsExactly("busybox:latest");
    assertThat(image.repoDigests()).isEmpty();
    assertThat(image.diffIds()).containsExactly(diffId);
    assertThat(image.config().runConfig().cmd()).containsExactly("sh");
    assertThat(image.config().platform()).isEqualTo(ImageConfig.Platform.host());
    assertThat(image.config().created()).contains(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(image.size()).isGreaterThan(Files.size(BusyboxImage.BUSYBOX));
    assertThat(image.lastTagTime()).contains(CLOCK.instant());
    Path layer = snapshots.layer(diffId).orElseThrow().directory();
    assertThat(layer.resolve("bin/busybox")).hasSameBinaryContentAs(BusyboxImage.BUSYBOX);
    assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).hasToString("/bin/busybox");
    assertThat(Files.getAttribute(layer.resolve("tmp"), "unix:mode")).isEqualTo(041777);
  }

  @Test
  void inspect_findsTheImageByEveryReferenceForm() {
    BusyboxImage busybox = BusyboxImage.create().tags("busybox:latest", "localhost:5000/x:1");
    load(busybox.ociArchive());
    Digest id = busybox.imageId();
    Image image = images.inspect(id.toString());
    String repoDigest = image.repoDigests().get(0);

    assertThat(repoDigest).startsWith("busybox@sha256:");
    for (String reference :
        List.of(
            "busybox",
            "busybox:latest",
            "library/busybox",
            "docker.io/library/busybox",
            "docker.io/library/busybox:latest",
            "index.docker.io/library/busybox:latest",
            "localhost:5000/x:1",
            repoDigest,
            "docker.io/library/" + repoDigest,
            id.toString(),
            id.hex(),
            id.shortHex(),
            id.hex().substring(0, 4),
            "sha256:" + id.shortHex())) {
      assertThat(images.inspect(reference).id()).as(reference).isEqualTo(id);
    }
    assertThat(image.repoTags()).containsExactly("busybox:latest", "localhost:5000/x:1");
    for (String missing :
        List.of("busybox:1", "localhost:5000/x", "nope", "sha256:0123", "Bad Name")) {
      assertThatThrownBy(() -> images.inspect(missing))
          .as(missing)
          .isInstanceOf(EngineFault.NotFound.class)
          .hasMessage("No such image: " + missing);
    }
  }

  @Test
  void load_ofEveryLayoutGivesTheSameImage() {
    BusyboxImage busybox = BusyboxImage.create().tags("local/busybox:1");

    for (byte[] archive :
        List.of(
            busybox.dockerArchive(),
            busybox.ociArchive(),
            busybox.ociArchive(true),
            busybox.ociArchiveWithPlatforms())) {
      progress.clear();
      List<Image> loaded = load(archive);

      assertThat(loaded).extracting(Image::id).containsExactly(busybox.imageId());
      assertThat(progress).last().isEqualTo("Loaded image: local/busybox:1");
    }
    assertThat(images.list(ImageFilter.ALL)).hasSize(1);
    assertThat(snapshots.layers()).hasSize(1);
    assertThat(content.list())
        .as("config, the plain layer and the gzip layer; manifests are dropped")
        .hasSize(3);
  }

  @Test
  void load_ofAnUntaggedImageReportsItsId() {
    BusyboxImage busybox = BusyboxImage.create().tags();

    load(busybox.dockerArchive());

    assertThat(progress).last().isEqualTo("Loaded image ID: " + busybox.imageId());
    assertThat(images.inspect(busybox.imageId().shortHex()).isDangling()).isTrue();
  }

  @Test
  void load_ofAnImageWithManyLayersSharesTheBusyboxLayer() {
    BusyboxImage base = BusyboxImage.create();
    BusyboxImage app =
        BusyboxImage.create()
            .tags("app:1")
            .layer(LayerTar.create().directory("app").file("app/run.sh", "echo hi").toByteArray())
            .layer(LayerTar.create().whiteout("etc/group").toByteArray());
    load(base.dockerArchive());
    progress.clear();

    load(app.dockerArchive());

    Digest busyboxLayer = Digest.of(BusyboxImage.rootfsLayer());
    assertThat(progress.get(0)).isEqualTo("Layer already exists " + busyboxLayer.shortHex());
    assertThat(images.inspect("app:1").diffIds()).hasSize(3).startsWith(busyboxLayer);
    assertThat(snapshots.layers()).hasSize(3);
  }

  @Test
  void load_ofAnotherImageUnderATakenTagMovesTheTag() {
    BusyboxImage first = BusyboxImage.create();
    BusyboxImage second = BusyboxImage.create().created(Instant.parse("2025-01-01T00:00:00Z"));
    load(first.dockerArchive());
    progress.clear();

    load(second.dockerArchive());

    assertThat(progress)
        .contains(
            "The image busybox:latest already exists, renaming the old one with ID "
                + first.imageId()
                + " to empty string");
    assertThat(images.inspect("busybox").id()).isEqualTo(second.imageId());
    assertThat(images.inspect(first.imageId().toString()).isDangling()).isTrue();
  }

  @Test
  void list_appliesReferenceDanglingLabelAndTimeFilters() {
    BusyboxImage old = BusyboxImage.create().tags().created(Instant.parse("2020-01-01T00:00:00Z"));
    BusyboxImage labelled =
        BusyboxImage.create()
            .tags("busybox:1", "other/app:2")
            .label("com.example.role", "web")
            .created(Instant.parse("2023-01-01T00:00:00Z"));
    BusyboxImage plain = BusyboxImage.create().tags("busybox:latest");
    load(old.dockerArchive());
    load(labelled.dockerArchive());
    load(plain.dockerArchive());

    assertThat(images.list(ImageFilter.ALL))
        .extracting(Image::id)
        .containsExactly(plain.imageId(), labelled.imageId(), old.imageId());
    assertThat(images.list(filter(Map.of("dangling", List.of("true")))))
        .extracting(Image::id)
        .containsExactly(old.imageId());
    assertThat(images.list(filter(Map.of("dangling", List.of("false"))))).hasSize(2);
    assertThat(images.list(filter(Map.of("label", List.of("com.example.role=web")))))
        .extracting(Image::id)
        .containsExactly(labelled.imageId());
    assertThat(images.list(filter(Map.of("label", List.of("com.example.role"))))).hasSize(1);
    assertThat(images.list(filter(Map.of("label", List.of("com.example.role=db"))))).isEmpty();
    List<Image> busyboxes = images.list(filter(Map.of("reference", List.of("busy*"))));
    assertThat(busyboxes)
        .extracting(Image::repoTags)
        .containsExactly(List.of("busybox:latest"), List.of("busybox:1"));
    assertThat(images.list(filter(Map.of("reference", List.of("other/app:[0-9]")))))
        .extracting(Image::id)
        .containsExactly(labelled.imageId());
    assertThat(images.list(filter(Map.of("before", List.of("busybox:1")))))
        .extracting(Image::id)
        .containsExactly(old.imageId());
    assertThat(images.list(filter(Map.of("since", List.of("busybox:1")))))
        .extracting(Image::id)
        .containsExactly(plain.imageId());
    assertThatThrownBy(() -> ImageFilter.parse(Map.of("bogus", List.of("x"))))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("invalid filter 'bogus'");
  }

  @Test
  void tag_addsAReferenceAndRefusesDigestTargets() {
    load(BusyboxImage.create().dockerArchive());

    images.tag("busybox", "myrepo/app");
    images.tag("busybox:latest", "localhost:5000/app:2");

    assertThat(images.inspect("busybox").repoTags())
        .containsExactly("busybox:latest", "myrepo/app:latest", "localhost:5000/app:2");
    assertThat(images.inspect("myrepo/app:latest").id()).isEqualTo(images.inspect("busybox").id());
    assertThatThrownBy(() -> images.tag("busybox", "x@sha256:" + "a".repeat(64)))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("refusing to create a tag with a digest reference");
    assertThatThrownBy(() -> images.tag("nope", "x"))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessage("No such image: nope");
  }

  @Test
  void remove_ofOneOfSeveralTagsOnlyUntags() {
    BusyboxImage busybox = BusyboxImage.create();
    load(busybox.dockerArchive());
    images.tag("busybox", "myrepo/app:1");

    assertThat(images.remove("myrepo/app:1", false))
        .containsExactly(new RemovedImage.Untagged("myrepo/app:1"));

    assertThat(images.inspect("busybox").repoTags()).containsExactly("busybox:latest");
    assertThatThrownBy(() -> images.inspect("myrepo/app:1"))
        .isInstanceOf(EngineFault.NotFound.class);
  }

  @Test
  void remove_ofTheLastTagDeletesTheImageItsLayersAndBlobs() {
    BusyboxImage busybox = BusyboxImage.create();
    load(busybox.ociArchive());
    Digest diffId = Digest.of(BusyboxImage.rootfsLayer());
    Path layerDirectory = snapshots.layer(diffId).orElseThrow().directory();
    String repoDigest = images.inspect("busybox").repoDigests().get(0);

    List<RemovedImage> removed = images.remove("busybox", false);

    assertThat(removed)
        .containsExactly(
            new RemovedImage.Untagged("busybox:latest"),
            new RemovedImage.Untagged(repoDigest),
            new RemovedImage.Deleted(busybox.imageId().toString()),
            new RemovedImage.Deleted(diffId.toString()));
    assertThat(images.list(ImageFilter.ALL)).isEmpty();
    assertThat(snapshots.layers()).isEmpty();
    assertThat(layerDirectory).doesNotExist();
    assertThat(content.list()).isEmpty();
  }

  @Test
  void remove_byIdOfAnImageInSeveralRepositoriesNeedsForce() {
    BusyboxImage busybox = BusyboxImage.create();
    load(busybox.dockerArchive());
    images.tag("busybox", "myrepo/app:1");
    String id = busybox.imageId().toString();

    assertThatThrownBy(() -> images.remove(busybox.imageId().shortHex(), false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage(
            "conflict: unable to delete "
                + busybox.imageId().shortHex()
                + " (must be forced) - image is referenced in multiple repositories");

    assertThat(images.remove(id, true))
        .containsExactly(
            new RemovedImage.Untagged("busybox:latest"),
            new RemovedImage.Untagged("myrepo/app:1"),
            new RemovedImage.Deleted(id),
            new RemovedImage.Deleted(Digest.of(BusyboxImage.rootfsLayer()).toString()));
  }

  @Test
  void remove_ofAnImageAContainerUsesIsAConflictUnlessForcedAndRunningOnesCannotBeForced() {
    BusyboxImage busybox = BusyboxImage.create();
    load(busybox.dockerArchive());
    String shortId = busybox.imageId().shortHex();
    users.add(new ImageUsers.User("c0ffee0123456789abcdef", false));

    assertThatThrownBy(() -> images.remove("busybox", false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage(
            "conflict: unable to remove repository reference \"busybox\" (must force) - container"
                + " c0ffee012345 is using its referenced image "
                + shortId);
    assertThatThrownBy(() -> images.remove(shortId, false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage(
            "conflict: unable to delete "
                + shortId
                + " (must be forced) - image is being used by stopped container c0ffee012345");

    users.set(0, new ImageUsers.User("c0ffee0123456789abcdef", true));
    assertThatThrownBy(() -> images.remove(shortId, true))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage(
            "conflict: unable to delete "
                + shortId
                + " (cannot be forced) - image is being used by running container c0ffee012345");
    assertThat(images.inspect("busybox").repoTags()).containsExactly("busybox:latest");

    assertThat(images.remove("busybox", true))
        .as("a forced untag of a running container's image keeps the image")
        .containsExactly(new RemovedImage.Untagged("busybox:latest"));
    assertThat(images.inspect(shortId).isDangling()).isTrue();

    users.set(0, new ImageUsers.User("c0ffee0123456789abcdef", false));
    assertThat(images.remove(shortId, true))
        .startsWith(new RemovedImage.Deleted(busybox.imageId().toString()));
  }

  @Test
  void open_readsBackImagesAndReferences() {
    BusyboxImage busybox = BusyboxImage.create().tags("busybox:latest", "local/busybox:1");
    load(busybox.ociArchive());
    images.tag("busybox", "again:1");

    ImageStore reopened =
        ImageStore.open(
            root,
            ContentStore.open(root),
            Snapshotter.open(root, root.resolve("containers")),
            ImageUsers.NONE,
            CLOCK);

    assertThat(reopened.list(ImageFilter.ALL)).isEqualTo(images.list(ImageFilter.ALL));
    assertThat(reopened.inspect("again:1").id()).isEqualTo(busybox.imageId());
  }

  @AfterEach
  void removeLayers() {
    TemporaryTrees.clear(root);
  }

  @Test
  void hold_keepsTheBlobsOfAnImageRemovedMeanwhile_untilReleased() {
    BusyboxImage busybox = BusyboxImage.create().tags("held:1");
    load(busybox.dockerArchive());
    Image image = images.inspect("held:1");

    ImageBlobs.Held held = images.hold(image.id());
    images.remove("held:1", false);

    assertThat(images.find("held:1")).isEmpty();
    assertThat(content.exists(held.blobs().config())).isTrue();
    assertThat(held.blobs().layers())
        .allSatisfy(layer -> assertThat(content.exists(layer.blob())).isTrue());
    held.close();
    assertThat(content.list()).isEmpty();
  }

  @Test
  void addRepoDigest_addsAPushedDigestToTheImage() {
    load(BusyboxImage.create().tags("localhost:5000/x:1").dockerArchive());
    Image image = images.inspect("localhost:5000/x:1");
    Digest pushed = Digest.of("manifest".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    images.addRepoDigest(image.id(), ImageReference.parse("localhost:5000/x").withDigest(pushed));

    assertThat(images.inspect("localhost:5000/x:1").repoDigests())
        .containsExactly("localhost:5000/x@" + pushed);
  }

  private List<Image> load(byte[] archive) {
    return images.load(new ByteArrayInputStream(archive), event -> progress.add(event.message()));
  }

  private static ImageFilter filter(Map<String, List<String>> filters) {
    return ImageFilter.parse(filters);
  }
}

package io.jcompose.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Layer;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine's images: what {@code /images/*} serves. An image is its config blob in the content
 * store (the id is that blob's digest) plus a record of its layer blobs; its layers are unpacked in
 * the snapshotter; tags and repo digests are one reference map written atomically. Reads see an
 * immutable catalog and never wait; changes (load, import, tag, remove, storing a pull) run one at
 * a time.
 */
public final class ImageStore {

  private static final String REFERENCES = "references";

  private final ContentStore content;
  private final Snapshotter snapshots;
  private final ImageUsers users;
  private final Clock clock;
  private final ImageConfig.Platform platform;
  private final RecordStore imageRecords;
  private final RecordStore referenceRecord;
  private final Object changes = new Object();
  private final BlobPins pins;

  private volatile Catalog catalog = Catalog.empty();

  private ImageStore(
      Path root,
      ContentStore content,
      Snapshotter snapshots,
      ImageUsers users,
      Clock clock,
      ImageConfig.Platform platform) {
    this.content = content;
    this.snapshots = snapshots;
    this.users = users;
    this.clock = clock;
    this.platform = platform;
    this.pins = new BlobPins(content);
    this.imageRecords = new RecordStore(root.resolve("image").resolve("records"));
    this.referenceRecord = new RecordStore(root.resolve("image"));
  }

  /**
   * Opens the image records under {@code <root>/image}; images whose config blob is gone and
   * references to missing images are left out.
   *
   * @param users answers which containers use an image, for {@link #remove}
   */
  public static ImageStore open(
      Path root, ContentStore content, Snapshotter snapshots, ImageUsers users, Clock clock) {
    return open(root, content, snapshots, users, clock, ImageConfig.Platform.host());
  }

  static ImageStore open(
      Path root,
      ContentStore content,
      Snapshotter snapshots,
      ImageUsers users,
      Clock clock,
      ImageConfig.Platform platform) {
    var store = new ImageStore(root, content, snapshots, users, clock, platform);
    store.catalog = ImageRecords.read(store.imageRecords, store.referenceRecord, content);
    return store;
  }

  /** The platform images are loaded for: this machine's ({@code linux/amd64}). */
  public ImageConfig.Platform platform() {
    return platform;
  }

  /** Images matching {@code filter}, newest first, without intermediate build images. */
  public List<Image> list(ImageFilter filter) {
    return list(filter, false);
  }

  /**
   * Images matching {@code filter}, newest first; with {@code all}, also the intermediate images of
   * builds (untagged images that are the parent of another).
   */
  public List<Image> list(ImageFilter filter, boolean all) {
    return ImageListing.list(catalog, filter, all);
  }

  /**
   * The image a reference, id or unique id prefix names.
   *
   * @throws EngineFault.NotFound {@code No such image: <reference>}
   */
  public Image inspect(String reference) {
    Catalog current = catalog;
    return current.toImage(current.resolve(reference));
  }

  /** Bytes of file content in an unpacked layer; 0 when it is not unpacked. */
  public long layerSize(Digest diffId) {
    return snapshots.layer(diffId).map(Layer::size).orElse(0L);
  }

  public Optional<Image> find(String reference) {
    Catalog current = catalog;
    return current.find(reference).map(current::toImage);
  }

  /**
   * Points {@code target} ({@code repo[:tag]}, tag {@code latest} by default) at the image {@code
   * source} names, moving it from any image it pointed at.
   *
   * @throws EngineFault.NotFound for an unknown source
   * @throws EngineFault.InvalidArgument for a target that is not a tag reference
   */
  public void tag(String source, String target) {
    ImageReference tag = ImageReference.parse(target).withDefaultTag();
    if (tag.digest().isPresent()) {
      throw new EngineFault.InvalidArgument("refusing to create a tag with a digest reference");
    }
    if (tag.familiarName().equals(Digest.ALGORITHM)) {
      throw new EngineFault.InvalidArgument(
          "refusing to create an ambiguous tag using digest algorithm as name");
    }
    synchronized (changes) {
      Catalog current = catalog;
      Digest id = current.resolve(source);
      var references = new HashMap<>(current.references());
      references.put(tag.toString(), id);
      Catalog.Entry entry = current.entry(id).orElseThrow();
      StoredImage stored = entry.stored().withLastTagTime(clock.instant().toString());
      imageRecords.write(id.hex(), ImageRecords.write(stored));
      writeReferences(references);
      catalog =
          current.withImage(new Catalog.Entry(stored, entry.config())).withReferences(references);
    }
  }

  /**
   * Removes a reference, and the image when nothing else refers to it, as {@code DELETE
   * /images/{name}} does; layers and blobs no other image uses go too.
   *
   * @return what was untagged and deleted, in dockerd's order
   * @throws EngineFault.NotFound for an unknown reference
   * @throws EngineFault.Conflict when containers use the image (stopped ones only without force)
   */
  public List<RemovedImage> remove(String reference, boolean force) {
    synchronized (changes) {
      Catalog current = catalog;
      Digest id = current.resolve(reference);
      ImageRemoval.Plan plan = ImageRemoval.decide(current, reference, force, users.usersOf(id));
      var references = new HashMap<>(current.references());
      plan.referencesToRemove().forEach(removed -> references.remove(removed.toString()));
      var removed = new ArrayList<RemovedImage>(plan.untagged());
      boolean hasChildren = hasChildren(current, id);
      if (plan.deleteImage() && hasChildren && plan.untagged().isEmpty()) {
        throw new EngineFault.Conflict(
            "conflict: unable to delete "
                + id.shortHex()
                + " (cannot be forced) - image has dependent child images");
      }
      writeReferences(references);
      Catalog next = current.withReferences(references);
      if (!plan.deleteImage() || hasChildren) {
        catalog = next;
        return removed;
      }
      catalog = next;
      Optional<Digest> deleting = Optional.of(id);
      while (deleting.isPresent()) {
        Catalog.Entry entry = catalog.entry(deleting.get()).orElseThrow();
        imageRecords.delete(deleting.get().hex());
        catalog = catalog.withoutImage(deleting.get());
        removed.add(new RemovedImage.Deleted(deleting.get().toString()));
        removed.addAll(collectGarbage(entry));
        deleting =
            Optional.ofNullable(entry.stored().parent())
                .map(Digest::parse)
                .filter(this::isUnusedIntermediate);
      }
      return removed;
    }
  }

  /** A built image's parent goes with it when nothing else needs it, as with dockerd. */
  private boolean isUnusedIntermediate(Digest parent) {
    Catalog current = catalog;
    return current.entry(parent).isPresent()
        && current.referencesOf(parent).isEmpty()
        && !hasChildren(current, parent)
        && users.usersOf(parent).isEmpty();
  }

  private static boolean hasChildren(Catalog catalog, Digest id) {
    String text = id.toString();
    return catalog.images().values().stream()
        .anyMatch(entry -> text.equals(entry.stored().parent()));
  }

  /**
   * Loads a {@code docker save} archive (legacy or OCI layout) streamed from {@code archive}. Every
   * blob digest and layer diff_id is checked; on any failure nothing is registered and the blobs
   * and layers this load added are removed again.
   *
   * @param progress told of each layer and each loaded image ({@code Loaded image: busybox:latest})
   * @return the loaded images
   * @throws EngineFault.InvalidArgument for a broken, hostile or inconsistent archive
   */
  public List<Image> load(InputStream archive, Consumer<LoadProgress> progress) {
    synchronized (changes) {
      Set<Digest> blobsBefore = new HashSet<>(content.list());
      Set<Digest> layersBefore = layerIds();
      try {
        List<ArchiveLoader.LoadedImage> loaded =
            ArchiveLoader.load(archive, content, snapshots, platform, progress);
        List<Image> images = register(loaded, progress);
        removeUnreferenced(blobsBefore, layersBefore);
        return images;
      } catch (RuntimeException e) {
        removeUnreferenced(blobsBefore, layersBefore);
        throw e;
      }
    }
  }

  /**
   * Makes a one-layer image of a rootfs tar, as {@code docker import} does.
   *
   * @throws EngineFault.InvalidArgument for a broken or hostile tar, a bad reference or change
   */
  public Image importRootfs(InputStream rootfs, ImportOptions options) {
    synchronized (changes) {
      Set<Digest> blobsBefore = new HashSet<>(content.list());
      Set<Digest> layersBefore = layerIds();
      try {
        ArchiveLoader.LoadedImage imported =
            RootfsImporter.importRootfs(
                rootfs, options, content, snapshots, platform, clock.instant());
        return register(List.of(imported), event -> {}).get(0);
      } catch (RuntimeException e) {
        removeUnreferenced(blobsBefore, layersBefore);
        throw e;
      }
    }
  }

  /**
   * Stores an image a fetch (a registry pull) downloads into the content store: its config is
   * parsed, its layers unpacked with their diff_ids checked, and its references registered. The
   * download runs without the store's lock (other pulls, loads and removals go on meanwhile; the
   * blobs it names are kept from their garbage collection); only unpacking and registering take it.
   * On any failure nothing is registered and the blobs and layers this fetch added are removed
   * again.
   *
   * @param blobs the blobs the fetch is to put in the content store (config and layers)
   * @param progress told of each layer as it is unpacked (or found unpacked)
   */
  public Image storeFetched(
      Set<Digest> blobs, FetchedImage.Fetch fetch, Consumer<LoadProgress> progress) {
    Set<Digest> added = pin(blobs);
    FetchedImage fetched = null;
    try {
      fetched = fetch.fetch(content);
    } finally {
      if (fetched == null) {
        synchronized (changes) {
          unpin(blobs);
          removeUnreferenced(without(content.list(), added), layerIds());
        }
      }
    }
    synchronized (changes) {
      unpin(blobs);
      Set<Digest> blobsBefore = without(content.list(), added);
      Set<Digest> layersBefore = layerIds();
      try {
        byte[] configJson;
        try (InputStream stream = content.read(fetched.config())) {
          configJson = stream.readAllBytes();
        } catch (IOException e) {
          throw new EngineFault.Internal("cannot read the config of " + fetched.origin(), e);
        }
        ImageConfig config = ConfigTranslator.parse(fetched.config(), configJson);
        StoredImage stored =
            new LayerInstaller(content, snapshots)
                .install(
                    fetched.config(), config, fetched.layerBlobs(), fetched.origin(), progress);
        var loaded = new ArchiveLoader.LoadedImage(stored, config, fetched.references());
        Image image = register(List.of(loaded), event -> {}).get(0);
        removeUnreferenced(blobsBefore, layersBefore);
        return image;
      } catch (RuntimeException e) {
        removeUnreferenced(blobsBefore, layersBefore);
        throw e;
      }
    }
  }

  /**
   * Makes a build step's image: the parent's layers and history plus the step's layer (ingested as
   * a blob and unpacked once) and a history entry. The image gets no reference; it remembers its
   * parent, so listings hide it as an intermediate image while it has children and no tag.
   *
   * @throws EngineFault.NotFound when the parent is gone
   * @throws EngineFault.InvalidArgument for a layer tar the snapshotter refuses
   */
  public Image commit(ImageCommit commit) {
    synchronized (changes) {
      Catalog current = catalog;
      Optional<Catalog.Entry> parent =
          commit
              .parent()
              .map(
                  id ->
                      current
                          .entry(id)
                          .orElseThrow(() -> new EngineFault.NotFound("No such image: " + id)));
      Set<Digest> blobsBefore = new HashSet<>(content.list());
      Set<Digest> layersBefore = layerIds();
      try {
        Optional<Layer> layer =
            commit.layerTar().isPresent()
                ? Optional.of(ingestLayer(commit.layerTar().get()))
                : Optional.empty();
        ArchiveLoader.LoadedImage made =
            CommittedImage.assemble(commit, parent, layer, clock.instant(), content);
        return register(List.of(made), event -> {}).get(0);
      } catch (IOException e) {
        removeUnreferenced(blobsBefore, layersBefore);
        throw new EngineFault.Internal("cannot store the image of a build step", e);
      } catch (RuntimeException e) {
        removeUnreferenced(blobsBefore, layersBefore);
        throw e;
      }
    }
  }

  /**
   * The blobs of an image, kept from garbage collection until the returned handle is closed (a push
   * reads them without the store's lock).
   *
   * @throws EngineFault.NotFound when there is no such image
   */
  public ImageBlobs.Held hold(Digest imageId) {
    synchronized (changes) {
      Catalog.Entry entry =
          catalog
              .entry(imageId)
              .orElseThrow(() -> new EngineFault.NotFound("No such image: " + imageId));
      var layers = new ArrayList<ImageBlobs.LayerBlob>();
      for (StoredImage.StoredLayer layer : entry.stored().layers()) {
        layers.add(
            new ImageBlobs.LayerBlob(Digest.parse(layer.diffId()), Digest.parse(layer.blob())));
      }
      var blobs = new ImageBlobs(imageId, layers);
      Set<Digest> digests = new HashSet<>(entry.stored().blobs());
      digests.add(imageId);
      pin(digests);
      return new ImageBlobs.Held(blobs, () -> release(digests));
    }
  }

  /** The blobs images are made of; read only what {@link #hold} holds. */
  public ContentStore content() {
    return content;
  }

  /**
   * Adds a repo digest ({@code name@sha256:...}) to an image, as a push does.
   *
   * @throws EngineFault.NotFound when the image is gone
   */
  public void addRepoDigest(Digest imageId, ImageReference repoDigest) {
    if (repoDigest.digest().isEmpty() || repoDigest.tag().isPresent()) {
      throw new IllegalArgumentException("not a repo digest: " + repoDigest);
    }
    synchronized (changes) {
      Catalog current = catalog;
      if (current.entry(imageId).isEmpty()) {
        throw new EngineFault.NotFound("No such image: " + imageId);
      }
      var references = new HashMap<>(current.references());
      references.put(repoDigest.toString(), imageId);
      writeReferences(references);
      catalog = current.withReferences(references);
    }
  }

  /** Keeps blobs from garbage collection; returns those not in the content store yet. */
  private Set<Digest> pin(Set<Digest> blobs) {
    synchronized (changes) {
      return pins.pin(blobs);
    }
  }

  private void unpin(Set<Digest> blobs) {
    pins.unpin(blobs);
  }

  /** Unpins held blobs; those of images removed meanwhile go now. */
  private void release(Set<Digest> blobs) {
    synchronized (changes) {
      Set<Digest> used = new HashSet<>();
      for (Catalog.Entry entry : catalog.images().values()) {
        used.add(entry.stored().imageId());
        used.addAll(entry.stored().blobs());
      }
      for (Digest free : pins.unpin(blobs)) {
        if (!used.contains(free)) {
          content.delete(free);
        }
      }
    }
  }

  /** The layer tar as a blob (uncompressed, so its digest is the diff_id) and unpacked. */
  private Layer ingestLayer(Path layerTar) throws IOException {
    Digest diffId;
    try (InputStream tar = Files.newInputStream(layerTar)) {
      diffId = content.ingest(tar).digest();
    }
    try (InputStream tar = content.read(diffId)) {
      return snapshots.unpack(tar, Optional.of(diffId));
    }
  }

  private static Set<Digest> without(List<Digest> all, Set<Digest> removed) {
    Set<Digest> rest = new HashSet<>(all);
    rest.removeAll(removed);
    return rest;
  }

  /**
   * Writes the named images as a {@code docker save} archive (legacy layout) to {@code out}.
   *
   * @param references references or ids; a repository without a tag saves all its tags
   * @throws EngineFault.NotFound for a name that resolves to no image (before anything is written)
   */
  public void save(List<String> references, OutputStream out) throws IOException {
    ArchiveWriter.save(catalog, references, content, out);
  }

  private List<Image> register(
      List<ArchiveLoader.LoadedImage> loaded, Consumer<LoadProgress> progress) {
    Catalog next = catalog;
    var references = new HashMap<>(next.references());
    String now = clock.instant().toString();
    var moved = new ArrayList<LoadProgress>();
    for (ArchiveLoader.LoadedImage image : loaded) {
      Digest id = image.stored().imageId();
      String lastTagTime =
          image.references().isEmpty()
              ? next.entry(id).map(entry -> entry.stored().lastTagTime()).orElse(null)
              : now;
      StoredImage stored = image.stored().withLastTagTime(lastTagTime);
      imageRecords.write(id.hex(), ImageRecords.write(stored));
      next = next.withImage(new Catalog.Entry(stored, image.config()));
      for (ImageReference reference : image.references()) {
        Digest previous = references.put(reference.toString(), id);
        if (previous != null && !previous.equals(id) && reference.tag().isPresent()) {
          moved.add(new LoadProgress.TagMoved(reference.familiarString(), previous));
        }
      }
    }
    writeReferences(references);
    catalog = next.withReferences(references);
    moved.forEach(progress);
    var images = new ArrayList<Image>();
    for (ArchiveLoader.LoadedImage image : loaded) {
      Digest id = image.stored().imageId();
      List<ImageReference> tags =
          image.references().stream().filter(reference -> reference.tag().isPresent()).toList();
      if (tags.isEmpty()) {
        progress.accept(new LoadProgress.ImageLoadedById(id));
      }
      tags.forEach(tag -> progress.accept(new LoadProgress.ImageLoaded(tag.familiarString())));
      images.add(catalog.toImage(id));
    }
    return images;
  }

  /** Removes the layers and blobs of a deleted image that no remaining image uses. */
  private List<RemovedImage> collectGarbage(Catalog.Entry deleted) {
    Set<Digest> usedLayers = new HashSet<>();
    Set<Digest> usedBlobs = new HashSet<>();
    for (Catalog.Entry entry : catalog.images().values()) {
      usedLayers.addAll(entry.config().diffIds());
      usedBlobs.add(entry.stored().imageId());
      usedBlobs.addAll(entry.stored().blobs());
    }
    Set<Digest> keep = layerIds();
    keep.removeIf(
        diffId -> deleted.config().diffIds().contains(diffId) && !usedLayers.contains(diffId));
    Set<Digest> removedLayers = new HashSet<>(snapshots.removeUnused(keep));
    var blobs = new ArrayList<Digest>(deleted.stored().blobs());
    blobs.add(deleted.stored().imageId());
    for (Digest blob : blobs) {
      if (!usedBlobs.contains(blob) && !pins.isPinned(blob)) {
        content.delete(blob);
      }
    }
    var removed = new ArrayList<RemovedImage>();
    List<Digest> diffIds = deleted.config().diffIds();
    List<Digest> chainIds = ChainIds.of(diffIds);
    for (int i = diffIds.size() - 1; i >= 0; i--) {
      if (removedLayers.remove(diffIds.get(i))) {
        removed.add(new RemovedImage.Deleted(chainIds.get(i).toString()));
      }
    }
    return removed;
  }

  /** After a load: blobs and layers it added that no registered image uses. */
  private void removeUnreferenced(Set<Digest> blobsBefore, Set<Digest> layersBefore) {
    Set<Digest> usedBlobs = new HashSet<>(blobsBefore);
    usedBlobs.addAll(pins.pinned());
    Set<Digest> keepLayers = new HashSet<>(layersBefore);
    for (Catalog.Entry entry : catalog.images().values()) {
      usedBlobs.add(entry.stored().imageId());
      usedBlobs.addAll(entry.stored().blobs());
      keepLayers.addAll(entry.config().diffIds());
    }
    snapshots.removeUnused(keepLayers);
    for (Digest blob : content.list()) {
      if (!usedBlobs.contains(blob)) {
        content.delete(blob);
      }
    }
  }

  private Set<Digest> layerIds() {
    Set<Digest> ids = new HashSet<>();
    for (Layer layer : snapshots.layers()) {
      ids.add(layer.diffId());
    }
    return ids;
  }

  private void writeReferences(Map<String, Digest> references) {
    var text = new java.util.TreeMap<String, String>();
    references.forEach((reference, id) -> text.put(reference, id.toString()));
    try {
      referenceRecord.write(REFERENCES, ConfigTranslator.JSON.writeValueAsString(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  static Map<String, String> readReferences(RecordStore referenceRecord) {
    Optional<String> text = referenceRecord.read(REFERENCES);
    if (text.isEmpty()) {
      return Map.of();
    }
    try {
      return ConfigTranslator.JSON.readValue(
          text.get(), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new EngineFault.Internal("the image reference record is not readable", e);
    }
  }
}

package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An immutable view of every image and every reference, replaced whole on each change so readers
 * never wait for a load or a removal in progress. Resolves references the way dockerd does.
 */
final class Catalog {

  private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[a-f0-9]{64}");
  private static final Pattern ID_PREFIX = Pattern.compile("(sha256:)?[a-f0-9]{1,64}");

  /** An image as held: its stored record and its parsed config. */
  record Entry(StoredImage stored, ImageConfig config) {}

  private final Map<Digest, Entry> images;
  private final Map<String, Digest> references;

  Catalog(Map<Digest, Entry> images, Map<String, Digest> references) {
    this.images = Map.copyOf(images);
    this.references = Map.copyOf(references);
  }

  static Catalog empty() {
    return new Catalog(Map.of(), Map.of());
  }

  Map<Digest, Entry> images() {
    return images;
  }

  /** Normalised reference text to image id. */
  Map<String, Digest> references() {
    return references;
  }

  Optional<Entry> entry(Digest id) {
    return Optional.ofNullable(images.get(id));
  }

  /**
   * The image {@code text} names: a full id ({@code sha256:<hex>} or bare hex), a reference ({@code
   * busybox}, {@code busybox:1}, {@code name@sha256:...}), or a unique id prefix.
   */
  Optional<Digest> find(String text) {
    if (FULL_ID.matcher(text).matches()) {
      Digest id = new Digest(text.substring(text.length() - 64));
      return images.containsKey(id) ? Optional.of(id) : Optional.empty();
    }
    Optional<ImageReference> reference = parseQuietly(text);
    if (reference.isPresent()) {
      ImageReference key =
          reference.get().digest().isPresent()
              ? reference.get().repository().withDigest(reference.get().digest().get())
              : reference.get().withDefaultTag();
      Digest id = references.get(key.toString());
      if (id != null) {
        return Optional.of(id);
      }
    }
    if (ID_PREFIX.matcher(text).matches()) {
      String prefix = text.startsWith("sha256:") ? text.substring(7) : text;
      List<Digest> matches =
          images.keySet().stream().filter(id -> id.hex().startsWith(prefix)).toList();
      if (matches.size() == 1) {
        return Optional.of(matches.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * @throws EngineFault.NotFound {@code No such image: <text>}
   */
  Digest resolve(String text) {
    return find(text).orElseThrow(() -> new EngineFault.NotFound("No such image: " + text));
  }

  /** The references pointing at {@code id}, sorted by their text. */
  List<ImageReference> referencesOf(Digest id) {
    var found = new ArrayList<ImageReference>();
    new TreeMap<>(references)
        .forEach(
            (text, target) -> {
              if (target.equals(id)) {
                found.add(ImageReference.parse(text));
              }
            });
    return found;
  }

  Image toImage(Digest id) {
    Entry entry = images.get(id);
    return new Image(
        id,
        referencesOf(id),
        entry.config(),
        entry.stored().size(),
        Optional.ofNullable(entry.stored().lastTagTime()).map(Instant::parse),
        Optional.ofNullable(entry.stored().parent()).map(Digest::parse));
  }

  /** Every image, newest first. */
  List<Image> all() {
    return images.keySet().stream()
        .map(this::toImage)
        .sorted(
            Comparator.comparing((Image image) -> image.config().created().orElse(Instant.EPOCH))
                .reversed()
                .thenComparing(image -> image.id().hex()))
        .toList();
  }

  Catalog withImage(Entry entry) {
    var changed = new HashMap<>(images);
    changed.put(entry.stored().imageId(), entry);
    return new Catalog(changed, references);
  }

  Catalog withoutImage(Digest id) {
    var changed = new HashMap<>(images);
    changed.remove(id);
    var remaining = new HashMap<>(references);
    remaining.values().removeIf(id::equals);
    return new Catalog(changed, remaining);
  }

  Catalog withReferences(Map<String, Digest> changedReferences) {
    return new Catalog(images, changedReferences);
  }

  private static Optional<ImageReference> parseQuietly(String text) {
    try {
      return Optional.of(ImageReference.parse(text));
    } catch (EngineFault.InvalidArgument e) {
      return Optional.empty();
    }
  }
}

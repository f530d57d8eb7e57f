package io.jcompose.engine.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies {@link ImageFilter} to the catalog the way {@code GET /images/json} does. */
final class ImageListing {

  private ImageListing() {}

  static List<Image> list(Catalog catalog, ImageFilter filter, boolean all) {
    Set<String> parents = new HashSet<>();
    if (!all) {
      for (Catalog.Entry entry : catalog.images().values()) {
        if (entry.stored().parent() != null) {
          parents.add(entry.stored().parent());
        }
      }
    }
    Optional<Instant> before = createdOf(catalog, filter.before());
    Optional<Instant> since = createdOf(catalog, filter.since());
    List<ReferenceGlob> globs = filter.references().stream().map(ReferenceGlob::new).toList();
    var images = new ArrayList<Image>();
    for (Image image : catalog.all()) {
      if (image.isDangling() && parents.contains(image.id().toString())) {
        continue;
      }
      if (filter.dangling().isPresent() && filter.dangling().get() != image.isDangling()) {
        continue;
      }
      if (!hasLabels(image, filter.labels())) {
        continue;
      }
      Instant created = image.config().created().orElse(Instant.EPOCH);
      if (before.isPresent() && !created.isBefore(before.get())) {
        continue;
      }
      if (since.isPresent() && !created.isAfter(since.get())) {
        continue;
      }
      if (!globs.isEmpty()) {
        List<ImageReference> matching =
            image.references().stream()
                .filter(reference -> globs.stream().anyMatch(glob -> glob.matches(reference)))
                .toList();
        if (matching.isEmpty()) {
          continue;
        }
        image =
            new Image(
                image.id(),
                matching,
                image.config(),
                image.size(),
                image.lastTagTime(),
                image.parent());
      }
      images.add(image);
    }
    return images;
  }

  private static boolean hasLabels(Image image, List<String> wanted) {
    Map<String, String> labels = image.config().runConfig().labels();
    for (String label : wanted) {
      int equals = label.indexOf('=');
      if (equals < 0) {
        if (!labels.containsKey(label)) {
          return false;
        }
      } else if (!label.substring(equals + 1).equals(labels.get(label.substring(0, equals)))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Instant> createdOf(Catalog catalog, Optional<String> reference) {
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        catalog.toImage(catalog.resolve(reference.get())).config().created().orElse(Instant.EPOCH));
  }
}

package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what {@code DELETE /images/{name}} does, with dockerd's rules: a name only untags while
 * other references remain; the last reference takes the image with it unless a container uses it;
 * an id removes an image with one repository's references; running containers block even a forced
 * removal, stopped ones and references in several repositories only an unforced one.
 */
final class ImageRemoval {

  private ImageRemoval() {}

  /**
   * @param untagged the references removed, as docker reports them, in order
   * @param deleteImage whether the image itself goes
   */
  record Plan(
      Digest imageId,
      Set<ImageReference> referencesToRemove,
      List<RemovedImage> untagged,
      boolean deleteImage) {}

  static Plan decide(Catalog catalog, String text, boolean force, List<ImageUsers.User> users) {
    Digest id = catalog.resolve(text);
    List<ImageReference> references = catalog.referencesOf(id);
    var removing = new LinkedHashSet<ImageReference>();
    var untagged = new ArrayList<RemovedImage>();
    boolean quiet = false;
    if (!isImageIdPrefix(id, text)) {
      if (!force && isSingleReference(references) && !users.isEmpty()) {
        throw new EngineFault.Conflict(
            "conflict: unable to remove repository reference \""
                + text
                + "\" (must force) - container "
                + shortId(users.get(0).containerId())
                + " is using its referenced image "
                + id.shortHex());
      }
      ImageReference named = ImageReference.parse(text);
      ImageReference key =
          named.digest().isPresent()
              ? named.repository().withDigest(named.digest().get())
              : named.withDefaultTag();
      removing.add(key);
      untagged.add(new RemovedImage.Untagged(key.familiarString()));
      if (key.digest().isEmpty()
          && references.stream()
              .noneMatch(
                  other ->
                      !other.equals(key)
                          && other.tag().isPresent()
                          && other.name().equals(key.name()))) {
        for (ImageReference other : references) {
          if (other.digest().isPresent()
              && other.tag().isEmpty()
              && other.name().equals(key.name())) {
            removing.add(other);
            untagged.add(new RemovedImage.Untagged(other.familiarString()));
          }
        }
      }
      if (references.stream().anyMatch(other -> !removing.contains(other))) {
        return new Plan(id, removing, untagged, false);
      }
      quiet = true;
    } else if (isSingleReference(references)) {
      conflict(id, users, references, false, !force).ifPresent(c -> throwConflict(c));
      for (ImageReference reference : references) {
        removing.add(reference);
        untagged.add(new RemovedImage.Untagged(reference.familiarString()));
      }
    }
    List<ImageReference> remaining =
        references.stream().filter(reference -> !removing.contains(reference)).toList();
    Optional<Conflict> conflict = conflict(id, users, remaining, !force, !force);
    if (conflict.isPresent()) {
      if (quiet && (!remaining.isEmpty() || conflict.get().used())) {
        return new Plan(id, removing, untagged, false);
      }
      throwConflict(conflict.get());
    }
    for (ImageReference reference : remaining) {
      removing.add(reference);
      untagged.add(new RemovedImage.Untagged(reference.familiarString()));
    }
    return new Plan(id, removing, untagged, true);
  }

  /** Why an image cannot go; {@code hard} ones cannot be forced. */
  private record Conflict(Digest imageId, boolean hard, boolean used, String reason) {}

  private static Optional<Conflict> conflict(
      Digest id,
      List<ImageUsers.User> users,
      List<ImageReference> references,
      boolean checkReferences,
      boolean checkStopped) {
    for (ImageUsers.User user : users) {
      if (user.running()) {
        return Optional.of(
            new Conflict(
                id,
                true,
                true,
                "image is being used by running container " + shortId(user.containerId())));
      }
    }
    if (checkReferences && !references.isEmpty()) {
      return Optional.of(
          new Conflict(id, false, false, "image is referenced in multiple repositories"));
    }
    if (checkStopped && !users.isEmpty()) {
      return Optional.of(
          new Conflict(
              id,
              false,
              true,
              "image is being used by stopped container " + shortId(users.get(0).containerId())));
    }
    return Optional.empty();
  }

  private static void throwConflict(Conflict conflict) {
    throw new EngineFault.Conflict(
        "conflict: unable to delete "
            + conflict.imageId().shortHex()
            + " ("
            + (conflict.hard() ? "cannot be forced" : "must be forced")
            + ") - "
            + conflict.reason());
  }

  /** All references in one repository, at most one of them a tag. */
  static boolean isSingleReference(List<ImageReference> references) {
    if (references.size() <= 1) {
      return references.size() == 1;
    }
    ImageReference tagged = null;
    Set<String> digestNames = new LinkedHashSet<>();
    for (ImageReference reference : references) {
      if (reference.tag().isEmpty() && reference.digest().isPresent()) {
        digestNames.add(reference.name());
      } else if (tagged == null) {
        tagged = reference;
      } else {
        return false;
      }
    }
    ImageReference single = tagged != null ? tagged : references.get(0);
    return digestNames.size() == 1 && digestNames.contains(single.name());
  }

  private static boolean isImageIdPrefix(Digest id, String text) {
    return id.toString().startsWith(text) || id.hex().startsWith(text);
  }

  private static String shortId(String containerId) {
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }
}

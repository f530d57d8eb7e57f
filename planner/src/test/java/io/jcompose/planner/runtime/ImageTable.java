package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory runtime's local images and the references its pretend registry can serve. A
 * reference without a tag means {@code :latest} and {@code docker.io/library/} is implied, as in
 * dockerd. Guarded by the runtime's lock.
 */
final class ImageTable {

  private final IdSequence ids;
  private final EventHub events;
  private final Map<String, ImageSummary> imagesById = new LinkedHashMap<>();
  private final Set<String> pullable = new HashSet<>();
  private final Set<String> pushed = new HashSet<>();

  ImageTable(IdSequence ids, EventHub events) {
    this.ids = ids;
    this.events = events;
  }

  /** {@code busybox} is {@code busybox:latest}; {@code docker.io/library/busybox} too. */
  static String normalise(String reference) {
    String name = reference;
    for (String implied : List.of("docker.io/library/", "index.docker.io/library/", "docker.io/")) {
      if (name.startsWith(implied)) {
        name = name.substring(implied.length());
        break;
      }
    }
    if (name.contains("@") || name.lastIndexOf(':') > name.lastIndexOf('/')) {
      return name;
    }
    return name + ":latest";
  }

  /** By reference, then by ID ({@code sha256:...}), then by a unique ID prefix. */
  Optional<ImageSummary> find(String reference) {
    String tag = normalise(reference);
    for (ImageSummary image : imagesById.values()) {
      if (image.repoTags().contains(tag)) {
        return Optional.of(image);
      }
    }
    String hex = reference.startsWith("sha256:") ? reference.substring(7) : reference;
    if (!hex.matches("[0-9a-f]+")) {
      return Optional.empty();
    }
    ImageSummary found = null;
    for (ImageSummary image : imagesById.values()) {
      if (image.id().startsWith("sha256:" + hex)) {
        if (found != null) {
          return Optional.empty();
        }
        found = image;
      }
    }
    return Optional.ofNullable(found);
  }

  ImageSummary require(String reference) {
    return find(reference)
        .orElseThrow(() -> new RuntimeFault.NotFound("No such image: " + reference));
  }

  /** Adds an image under a new ID and tags it (taking the tag from any image that had it). */
  ImageSummary add(String reference, Map<String, String> labels) {
    String id = "sha256:" + ids.next("image");
    imagesById.put(id, new ImageSummary(id, List.of(), labels));
    return tag(id, normalise(reference));
  }

  void makePullable(String reference) {
    pullable.add(normalise(reference));
  }

  /**
   * @return the progress a registry pull reports
   * @throws RuntimeFault.NotFound when the reference was not made pullable
   */
  List<ImageProgress> pull(String reference) {
    String tag = normalise(reference);
    if (!pullable.contains(tag)) {
      throw new RuntimeFault.NotFound(
          "pull access denied for "
              + reference
              + ", repository does not exist or may require 'docker login'");
    }
    var progress = new ArrayList<ImageProgress>();
    progress.add(
        new ImageProgress("", "Pulling from " + tag.substring(0, tag.indexOf(':')), -1, -1));
    Optional<ImageSummary> present = find(tag);
    if (present.isPresent()) {
      progress.add(new ImageProgress("", "Status: Image is up to date for " + tag, -1, -1));
    } else {
      String id = "sha256:" + ids.next("image");
      String layer = id.substring(7, 19);
      imagesById.put(id, new ImageSummary(id, List.of(), Map.of()));
      tag(id, tag);
      progress.add(new ImageProgress(layer, "Pulling fs layer", -1, -1));
      progress.add(new ImageProgress(layer, "Downloading", 512, 1024));
      progress.add(new ImageProgress(layer, "Downloading", 1024, 1024));
      progress.add(new ImageProgress(layer, "Pull complete", -1, -1));
      progress.add(new ImageProgress("", "Status: Downloaded newer image for " + tag, -1, -1));
    }
    events.emit("image", "pull", tag, Map.of(), Map.of("name", tag));
    return progress;
  }

  /**
   * @return the progress a registry push reports
   * @throws RuntimeFault.NotFound when no local image has the reference
   */
  List<ImageProgress> push(String reference) {
    String tag = normalise(reference);
    ImageSummary image =
        find(tag)
            .orElseThrow(
                () ->
                    new RuntimeFault.NotFound(
                        "An image does not exist locally with the tag: " + reference));
    String layer = image.id().substring(7, 19);
    var progress = new ArrayList<ImageProgress>();
    progress.add(
        new ImageProgress(
            "",
            "The push refers to repository [" + tag.substring(0, tag.lastIndexOf(':')) + "]",
            -1,
            -1));
    progress.add(new ImageProgress(layer, "Preparing", -1, -1));
    progress.add(new ImageProgress(layer, "Pushing", 512, 1024));
    progress.add(new ImageProgress(layer, "Pushed", -1, -1));
    pushed.add(tag);
    pullable.add(tag);
    events.emit("image", "push", tag, Map.of(), Map.of("name", tag));
    return progress;
  }

  Set<String> pushed() {
    return Set.copyOf(pushed);
  }

  /** Builds a new image with the build's labels, tagged with each of its tags. */
  String build(ImageBuild build, List<ImageProgress> progress) {
    String id = "sha256:" + ids.next("image");
    imagesById.put(id, new ImageSummary(id, List.of(), build.labels()));
    progress.add(new ImageProgress("", "Step 1/1 : FROM scratch", -1, -1));
    progress.add(new ImageProgress("", "Successfully built " + id.substring(7, 19), -1, -1));
    for (String reference : build.tags()) {
      String tag = normalise(reference);
      tag(id, tag);
      progress.add(new ImageProgress("", "Successfully tagged " + tag, -1, -1));
    }
    return id;
  }

  /**
   * Removes a reference: only the tag when the image has others, else the image (left untagged
   * while a container uses it and {@code force} is given).
   *
   * @param usedByContainerId the container using the image, if any
   */
  void remove(String reference, boolean force, Optional<String> usedByContainerId) {
    ImageSummary image = require(reference);
    String tag = normalise(reference);
    boolean byTag = image.repoTags().contains(tag);
    if (byTag && image.repoTags().size() > 1) {
      untag(image.id(), tag);
      return;
    }
    if (!byTag && image.repoTags().size() > 1 && !force) {
      throw new RuntimeFault.Conflict(
          "conflict: unable to delete "
              + reference
              + " (must be forced) - image is referenced in multiple repositories");
    }
    if (usedByContainerId.isPresent() && !force) {
      throw new RuntimeFault.Conflict(
          "conflict: unable to remove repository reference \""
              + reference
              + "\" (must force) - container "
              + usedByContainerId.get().substring(0, 12)
              + " is using its referenced image "
              + image.id().substring(7, 19));
    }
    for (String repoTag : image.repoTags()) {
      untag(image.id(), repoTag);
    }
    if (usedByContainerId.isEmpty()) {
      imagesById.remove(image.id());
      events.emit("image", "delete", image.id(), image.labels(), Map.of("name", image.id()));
    }
  }

  private ImageSummary tag(String id, String tag) {
    for (ImageSummary other : List.copyOf(imagesById.values())) {
      if (!other.id().equals(id) && other.repoTags().contains(tag)) {
        untag(other.id(), tag);
      }
    }
    ImageSummary image = imagesById.get(id);
    var tags = new ArrayList<>(image.repoTags());
    if (!tags.contains(tag)) {
      tags.add(tag);
    }
    ImageSummary tagged = new ImageSummary(id, tags, image.labels());
    imagesById.put(id, tagged);
    events.emit("image", "tag", id, image.labels(), Map.of("name", tag));
    return tagged;
  }

  private void untag(String id, String tag) {
    ImageSummary image = imagesById.get(id);
    var tags = new ArrayList<>(image.repoTags());
    tags.remove(tag);
    imagesById.put(id, new ImageSummary(id, tags, image.labels()));
    events.emit("image", "untag", id, image.labels(), Map.of("name", tag));
  }
}

package io.jcompose.engine.image;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The blobs pulls and pushes use outside the image store's lock, with how many use each: garbage
 * collection keeps them. Not thread-safe: the image store uses it under its lock.
 */
final class BlobPins {

  private final ContentStore content;
  private final Map<Digest, Integer> counts = new HashMap<>();

  BlobPins(ContentStore content) {
    this.content = content;
  }

  /** Pins blobs; returns those not in the content store yet. */
  Set<Digest> pin(Set<Digest> blobs) {
    Set<Digest> missing = new HashSet<>();
    for (Digest blob : blobs) {
      counts.merge(blob, 1, Integer::sum);
      if (!content.exists(blob)) {
        missing.add(blob);
      }
    }
    return missing;
  }

  /** Unpins blobs; returns those nothing pins any more. */
  Set<Digest> unpin(Set<Digest> blobs) {
    Set<Digest> free = new HashSet<>();
    for (Digest blob : blobs) {
      if (counts.computeIfPresent(blob, (digest, count) -> count == 1 ? null : count - 1) == null) {
        free.add(blob);
      }
    }
    return free;
  }

  boolean isPinned(Digest blob) {
    return counts.containsKey(blob);
  }

  Set<Digest> pinned() {
    return Set.copyOf(counts.keySet());
  }
}

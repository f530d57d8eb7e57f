package io.jcompose.engine.volume;

import io.jcompose.engine.http.Filters;
import java.util.Set;
import java.util.function.Predicate;

/** The {@code filters} of volume list and prune, with dockerd's meanings. */
final class VolumeFilter {

  private static final Set<String> LIST_KEYS = Set.of("name", "label", "driver", "dangling");
  private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

  private VolumeFilter() {}

  /**
   * {@code name} (a pattern found in the name), {@code label} (all must hold), {@code driver},
   * {@code dangling} (true: no container uses it).
   */
  static Predicate<Volume> forList(Filters filters, LocalVolumes volumes) {
    filters.requireKeys(LIST_KEYS);
    var dangling = filters.bool("dangling");
    return volume ->
        filters.patternMatch("name", volume.name())
            && filters.exactMatch("driver", volume.driver())
            && filters.labelsMatch("label", volume.labels())
            && (dangling.isEmpty() || dangling.get() == volumes.usersOf(volume.name()).isEmpty());
  }

  /**
   * {@code label}, {@code label!} (none may hold); from API 1.42 on only anonymous volumes unless
   * {@code all=true}, as dockerd.
   */
  static Predicate<Volume> forPrune(Filters filters, boolean anonymousOnlyByDefault) {
    filters.requireKeys(PRUNE_KEYS);
    boolean all = filters.bool("all").orElse(!anonymousOnlyByDefault);
    return volume ->
        (all || volume.anonymous())
            && filters.labelsMatch("label", volume.labels())
            && filters.values("label!").stream()
                .noneMatch(condition -> Filters.labelHolds(condition, volume.labels()));
  }
}

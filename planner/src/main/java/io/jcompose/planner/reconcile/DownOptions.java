package io.jcompose.planner.reconcile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks of a {@code down}.
 *
 * @param timeout stop timeout ({@code -t}); empty for each container's own
 * @param removeVolumes also remove named volumes and anonymous ones ({@code -v})
 * @param removeImages {@code all} or {@code local} ({@code --rmi}); empty to keep images
 * @param removeOrphans also remove containers of services no longer in the project
 */
public record DownOptions(
    Optional<Duration> timeout,
    boolean removeVolumes,
    Optional<String> removeImages,
    boolean removeOrphans) {

  public DownOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(removeImages, "removeImages");
    if (removeImages.isPresent()
        && !removeImages.get().equals("all")
        && !removeImages.get().equals("local")) {
      throw new IllegalArgumentException("--rmi \"" + removeImages.get() + "\": use all or local");
    }
  }

  public static DownOptions defaults() {
    return new DownOptions(Optional.empty(), false, Optional.empty(), false);
  }
}

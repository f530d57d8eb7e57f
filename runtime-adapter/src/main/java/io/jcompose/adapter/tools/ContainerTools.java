package io.jcompose.adapter.tools;

import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.Subscription;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the inspection and copy verbs ({@code cp}, {@code top}, {@code stats}, {@code pause}, {@code
 * images}) need from an endpoint beyond the planner's SPI. Containers are addressed by ID or name;
 * every method may throw a {@link io.jcompose.planner.spi.RuntimeFault}.
 */
public interface ContainerTools {

  /** A path in a container, without following a final symlink; empty when it does not exist. */
  Optional<PathStat> statPath(String containerIdOrName, String path);

  /**
   * A tar of the path in a container (the entry for the path itself named as its base name); the
   * caller closes it.
   *
   * @throws io.jcompose.planner.spi.RuntimeFault.NotFound when the path does not exist
   */
  PathArchive readArchive(String containerIdOrName, String path);

  /**
   * Extracts a tar into an existing directory of a container; a directory is never replaced by a
   * file or the other way round.
   *
   * @param copyOwnership keep the archive's UID/GID instead of root's
   */
  void extractArchive(
      String containerIdOrName, String directory, InputStream tar, boolean copyOwnership);

  /** The container's processes as {@code ps -ef} lists them. */
  ProcessList top(String containerIdOrName);

  /** One sample of the container's resource use, with the previous CPU reading filled in. */
  StatsSample stats(String containerIdOrName);

  /** A sample about every second until the subscription is closed or the container goes away. */
  Subscription streamStats(String containerIdOrName, Consumer<StatsSample> sink);

  void pause(String containerIdOrName);

  void unpause(String containerIdOrName);

  /**
   * The endpoint's events matching the filter, from {@code since} (else now) until {@code until}
   * (else until the subscription is closed).
   */
  Subscription events(
      LabelFilter filter,
      Optional<Instant> since,
      Optional<Instant> until,
      Consumer<RuntimeEvent> sink);

  /** An image with its size; empty when the endpoint does not have it. */
  Optional<ImageDetails> image(String imageIdOrReference);
}

package io.jcompose.engine.api;

import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The live counts {@code /info} reports, each asked of the subsystem that knows it: containers,
 * images, event listeners. Parts not built yet answer zero.
 */
public record Inventory(
    Supplier<ContainerCounts> containers, IntSupplier images, IntSupplier eventListeners) {

  public Inventory {
    Objects.requireNonNull(containers, "containers");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(eventListeners, "eventListeners");
  }

  /** No containers and no images; only the event listeners are counted. */
  public static Inventory withoutContainersOrImages(IntSupplier eventListeners) {
    return new Inventory(() -> ContainerCounts.NONE, () -> 0, eventListeners);
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which containers {@code GET /containers/json} shows: running ones unless {@code all} (or a {@code
 * limit}, or a status or exit filter), filtered as dockerd filters them, newest first.
 */
final class ContainerListing {

  static final Set<String> FILTERS =
      Set.of(
          "label",
          "name",
          "id",
          "status",
          "ancestor",
          "network",
          "volume",
          "exited",
          "health",
          "before",
          "since",
          "is-task",
          "publish",
          "expose");

  private final boolean all;
  private final int limit;
  private final Filters filters;
  private final Function<String, Optional<String>> imageIds;

  /**
   * @param limit at most this many of the newest; 0 or less for no limit
   * @param imageIds the image id a reference names now (the {@code ancestor} filter)
   * @throws EngineFault.InvalidArgument for an unknown filter or a bad status or exit code
   */
  ContainerListing(
      boolean all, int limit, Filters filters, Function<String, Optional<String>> imageIds) {
    filters.requireKeys(FILTERS);
    for (String status : filters.values("status")) {
      try {
        ContainerState.Status.parse(status);
      } catch (IllegalArgumentException e) {
        throw new EngineFault.InvalidArgument("Invalid filter 'status=" + status + "'");
      }
    }
    for (String code : filters.values("exited")) {
      try {
        Integer.parseInt(code);
      } catch (NumberFormatException e) {
        throw new EngineFault.InvalidArgument("invalid filter 'exited=" + code + "'");
      }
    }
    for (String health : filters.values("health")) {
      if (!Set.of("starting", "healthy", "unhealthy", "none").contains(health)) {
        throw new EngineFault.InvalidArgument("Unrecognised filter value for health: " + health);
      }
    }
    this.all = all || limit > 0 || filters.contains("status") || filters.contains("exited");
    this.limit = limit;
    this.filters = filters;
    this.imageIds = imageIds;
  }

  /** The views to show, from all of them newest first. */
  List<ContainerView> select(List<ContainerView> views) {
    Optional<ContainerView> before = reference(views, "before");
    Optional<ContainerView> since = reference(views, "since");
    var selected = new ArrayList<ContainerView>();
    for (ContainerView view : views) {
      Container container = view.container();
      if (!all
          && !container.isRunning()
          && container.state().status() != ContainerState.Status.RESTARTING) {
        continue;
      }
      if (before.isPresent() && !container.created().isBefore(before.get().container().created())) {
        continue;
      }
      if (since.isPresent() && !container.created().isAfter(since.get().container().created())) {
        continue;
      }
      if (matches(view)) {
        selected.add(view);
      }
      if (limit > 0 && selected.size() == limit) {
        break;
      }
    }
    return selected;
  }

  private boolean matches(ContainerView view) {
    Container container = view.container();
    if (!filters.labelsMatch("label", container.config().labels())) {
      return false;
    }
    if (!filters.patternMatch("name", container.name())
        && !filters.patternMatch("name", "/" + container.name())) {
      return false;
    }
    if (!filters.fuzzyMatch("id", container.id())) {
      return false;
    }
    if (!filters.exactMatch("status", container.state().status().apiName())) {
      return false;
    }
    if (filters.contains("exited")
        && (container.state().status() != ContainerState.Status.EXITED
            || !filters
                .values("exited")
                .contains(Integer.toString(container.state().exitCode())))) {
      return false;
    }
    if (!filters.exactMatch("health", health(view))) {
      return false;
    }
    if (filters.contains("ancestor")
        && filters.values("ancestor").stream().noneMatch(value -> ancestor(container, value))) {
      return false;
    }
    if (filters.contains("network")
        && filters.values("network").stream()
            .noneMatch(
                value ->
                    view.networks().values().stream()
                        .anyMatch(
                            network ->
                                network.name().equals(value) || network.id().startsWith(value)))) {
      return false;
    }
    return !filters.contains("volume")
        || filters.values("volume").stream()
            .anyMatch(
                value ->
                    container.mounts().stream()
                        .anyMatch(
                            mount ->
                                mount.name().equals(value) || mount.destination().equals(value)));
  }

  private boolean ancestor(Container container, String value) {
    String imageId = container.imageId().toString();
    if (container.config().image().equals(value)
        || imageId.equals(value)
        || container.imageId().hex().startsWith(value)) {
      return true;
    }
    return imageIds.apply(value).map(imageId::equals).orElse(false);
  }

  /** The health filter's value: none without a healthcheck. */
  private static String health(ContainerView view) {
    if (!HealthMonitor.checks(view.container())) {
      return "none";
    }
    return view.health().map(HealthMonitor.Health::status).orElse(HealthMonitor.STARTING);
  }

  private Optional<ContainerView> reference(List<ContainerView> views, String key) {
    List<String> values = filters.values(key);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String value = values.get(0);
    String name = value.startsWith("/") ? value.substring(1) : value;
    return Optional.of(
        views.stream()
            .filter(
                view ->
                    view.container().id().startsWith(value) || view.container().name().equals(name))
            .findFirst()
            .orElseThrow(() -> new EngineFault.NotFound("No such container: " + value)));
  }
}

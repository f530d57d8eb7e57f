package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.stats.CgroupLocation;
import io.jcompose.engine.stats.CgroupReader;
import io.jcompose.engine.stats.HostCounters;
import io.jcompose.engine.stats.InterfaceCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /containers/{id}/stats}: the container's cgroup counters (v1 or cgroup2, whichever its
 * cgroup is in) and its interfaces' counters. {@code stream=true} (the default) sends an object
 * every second until the client leaves; {@code stream=false} takes two readings a second apart, so
 * {@code precpu_stats} is filled, or one with {@code one-shot=true}. A container that does not run
 * gets dockerd's zeroed object.
 */
public final class StatsRouter implements ApiRouter {

  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private final ContainerService containers;

  public StatsRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.get("/containers/{id}/stats", this::stats);
  }

  private Response stats(Request request) throws IOException, InterruptedException {
    ContainerEntry entry = containers.registry().resolve(request.pathParameter("id"));
    boolean stream = request.query().bool("stream", true);
    boolean oneShot = request.query().bool("one-shot");
    if (oneShot && stream) {
      throw new EngineFault.InvalidArgument("cannot have stream=true and one-shot=true");
    }
    if (!stream) {
      Optional<StatsBody.Sample> first = sample(entry.current());
      if (first.isEmpty()) {
        return Response.json(StatsBody.notRunning(entry.current()));
      }
      if (oneShot) {
        return Response.json(StatsBody.of(entry.current(), first.get(), Optional.empty()));
      }
      TimeUnit.NANOSECONDS.sleep(INTERVAL.toNanos());
      Optional<StatsBody.Sample> second = sample(entry.current());
      return Response.json(
          second.isEmpty()
              ? StatsBody.notRunning(entry.current())
              : StatsBody.of(entry.current(), second.get(), first));
    }
    var gone = new CountDownLatch(1);
    request.whenClientGone(gone::countDown);
    return Response.jsonLines(
        out -> {
          Optional<StatsBody.Sample> previous = Optional.empty();
          while (!entry.isRemoved()) {
            Container container = entry.current();
            Optional<StatsBody.Sample> current = sample(container);
            out.write(
                current.isEmpty()
                    ? StatsBody.notRunning(container)
                    : StatsBody.of(container, current.get(), previous));
            previous = current;
            if (gone.await(INTERVAL.toNanos(), TimeUnit.NANOSECONDS)) {
              return;
            }
          }
        });
  }

  /** A reading of a running container; empty when it does not run (or ended meanwhile). */
  private Optional<StatsBody.Sample> sample(Container container) throws IOException {
    if (!container.isRunning() || container.state().pid() <= 0) {
      return Optional.empty();
    }
    long pid = container.state().pid();
    Optional<CgroupLocation> location = CgroupLocation.ofProcess(pid);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    boolean ownNetwork =
        !(NetworkMode.parse(container.host().networking().networkMode())
            instanceof NetworkMode.Host);
    return Optional.of(
        new StatsBody.Sample(
            containers.parts().clock().instant(),
            CgroupReader.read(location.get()),
            HostCounters.read(),
            ownNetwork ? Optional.of(InterfaceCounters.ofProcess(pid)) : Optional.empty()));
  }
}

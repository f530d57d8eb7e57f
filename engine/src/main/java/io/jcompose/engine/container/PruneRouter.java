package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /containers/prune?filters=}: removes every container that does not run (created,
 * exited, dead) and passes the filters, each with its {@code destroy} event, then publishes one
 * {@code prune} event with the bytes reclaimed (the removed containers' writable layers).
 */
public final class PruneRouter implements ApiRouter {

  private final ContainerService containers;

  public PruneRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.post("/containers/prune", this::prune);
  }

  record PruneBody(
      @JsonProperty("ContainersDeleted") List<String> deleted,
      @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}

  private Response prune(Request request) throws InterruptedException {
    ContainerSubsystems parts = containers.parts();
    PruneFilter filter = PruneFilter.parse(request.query().filters(), parts.clock().instant());
    var deleted = new ArrayList<String>();
    long reclaimed = 0;
    for (ContainerEntry entry : containers.registry().entries()) {
      Container container = entry.current();
      if (container.isRunning()
          || container.state().status() == ContainerState.Status.RESTARTING
          || !filter.selects(container)) {
        continue;
      }
      long size = DirectoryTree.size(parts.directoryOf(container.id()).path().resolve("upper"));
      try {
        containers.remove(container.id(), false, false);
      } catch (EngineFault.Conflict | EngineFault.NotFound e) {
        continue; // started or removed meanwhile
      }
      deleted.add(container.id());
      reclaimed += size;
    }
    parts
        .events()
        .publish(
            EngineEvent.Type.CONTAINER, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    return Response.json(new PruneBody(deleted.isEmpty() ? null : deleted, reclaimed));
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;

/** {@code POST /containers/{id}/pause} and {@code /unpause}: 204, or 409 as dockerd. */
public final class PauseRouter implements ApiRouter {

  private final ContainerService containers;

  public PauseRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .post("/containers/{id}/pause", this::pause)
        .post("/containers/{id}/unpause", this::unpause);
  }

  private Response pause(Request request) {
    containers.pause(request.pathParameter("id"));
    return Response.empty(204);
  }

  private Response unpause(Request request) {
    containers.unpause(request.pathParameter("id"));
    return Response.empty(204);
  }
}

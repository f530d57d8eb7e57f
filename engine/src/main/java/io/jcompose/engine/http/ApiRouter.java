package io.jcompose.engine.http;

/**
 * The routes of one API resource (system, volumes, events, later containers, images, networks).
 * Each router is one class that adds its routes to the table; the daemon lists the routers.
 *
 * <pre>{@code
 * public void addRoutes(RouteTable routes) {
 *   routes.get("/volumes", this::list).post("/volumes/create", this::create);
 * }
 * }</pre>
 */
public interface ApiRouter {
  void addRoutes(RouteTable routes);
}

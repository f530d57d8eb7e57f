package io.jcompose.engine.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every route of the API, by method and {@link PathTemplate}, written without the {@code /vX.Y}
 * prefix (the server strips it). When several templates fit a path, the one with more literal
 * segments wins, then the one added first.
 */
public final class RouteTable {

  record Route(String method, PathTemplate template, RouteHandler handler) {}

  record Match(Route route, Map<String, String> parameters) {}

  private final List<Route> routes = new ArrayList<>();

  public static RouteTable of(List<? extends ApiRouter> routers) {
    var table = new RouteTable();
    routers.forEach(router -> router.addRoutes(table));
    return table;
  }

  public RouteTable get(String template, RouteHandler handler) {
    return add("GET", template, handler);
  }

  public RouteTable head(String template, RouteHandler handler) {
    return add("HEAD", template, handler);
  }

  public RouteTable post(String template, RouteHandler handler) {
    return add("POST", template, handler);
  }

  public RouteTable put(String template, RouteHandler handler) {
    return add("PUT", template, handler);
  }

  public RouteTable delete(String template, RouteHandler handler) {
    return add("DELETE", template, handler);
  }

  /**
   * @throws IllegalArgumentException for a malformed template or a method and template added twice
   */
  public synchronized RouteTable add(String method, String template, RouteHandler handler) {
    Objects.requireNonNull(handler, "handler");
    PathTemplate parsed = PathTemplate.parse(template);
    for (Route route : routes) {
      if (route.method().equals(method) && route.template().text().equals(template)) {
        throw new IllegalArgumentException("route " + method + " " + template + " added twice");
      }
    }
    routes.add(new Route(method, parsed, handler));
    routes.sort(Comparator.comparingInt((Route route) -> -route.template().literalCount()));
    return this;
  }

  synchronized Optional<Match> match(String method, List<String> path) {
    for (Route route : routes) {
      if (route.method().equals(method)) {
        var parameters = route.template().match(path);
        if (parameters.isPresent()) {
          return Optional.of(new Match(route, parameters.get()));
        }
      }
    }
    return Optional.empty();
  }
}

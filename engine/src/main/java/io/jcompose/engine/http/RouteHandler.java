package io.jcompose.engine.http;

import java.io.IOException;

/**
 * Answers one route. It runs on a request thread and may block; what it returns is written by the
 * server (streams keep running on the same thread). Throwing an {@link
 * io.jcompose.engine.fault.EngineFault} gives the client its status and {@code {"message":...}};
 * anything else is a 500.
 */
@FunctionalInterface
public interface RouteHandler {
  Response handle(Request request) throws IOException, InterruptedException;
}

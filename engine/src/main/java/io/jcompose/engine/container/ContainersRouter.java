package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.MultiplexedStream;
import io.jcompose.engine.http.QueryParameters;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.logs.LogFollower;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.logs.LogStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The {@code /containers} routes: create, list, inspect, start, stop, kill, restart, wait, rename,
 * remove, logs and attach (stdin relayed for a container with {@code OpenStdin}).
 */
public final class ContainersRouter implements ApiRouter {

  private final ContainerService containers;
  private final Clock clock;
  private final ContainerTerminal terminal;

  public ContainersRouter(ContainerService containers, Clock clock) {
    this.containers = containers;
    this.clock = clock;
    this.terminal = new ContainerTerminal(containers.parts(), containers.registry());
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .post("/containers/create", this::create)
        .get("/containers/json", this::list)
        .get("/containers/{id}/json", this::inspect)
        .post("/containers/{id}/start", this::start)
        .post("/containers/{id}/stop", this::stop)
        .post("/containers/{id}/kill", this::kill)
        .post("/containers/{id}/restart", this::restart)
        .post("/containers/{id}/wait", this::await)
        .post("/containers/{id}/rename", this::rename)
        .delete("/containers/{id}", this::remove)
        .get("/containers/{id}/logs", this::logs)
        .post("/containers/{id}/attach", this::attach)
        .post("/containers/{id}/resize", this::resize);
  }

  record CreatedBody(
      @JsonProperty("Id") String id, @JsonProperty("Warnings") List<String> warnings) {}

  record WaitBody(@JsonProperty("Error") WaitError error, @JsonProperty("StatusCode") long code) {}

  record WaitError(@JsonProperty("Message") String message) {}

  private Response create(Request request) throws IOException {
    CreateBody body =
        request
            .bodyAs(CreateBody.class)
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "config cannot be empty in order to create a container"));
    if (!request.apiVersion().atLeast(1, 44) && body.healthcheck() != null) {
      // dockerd ignores StartInterval below API 1.44, where it did not exist
      CreateBody.HealthcheckBody check = body.healthcheck();
      body =
          body.withHealthcheck(
              new CreateBody.HealthcheckBody(
                  check.test(),
                  check.interval(),
                  check.timeout(),
                  check.startPeriod(),
                  null,
                  check.retries()));
    }
    Container container =
        containers.create(CreateTranslation.toRequest(request.query().get("name"), body));
    return Response.json(201, new CreatedBody(container.id(), List.of()));
  }

  private Response list(Request request) {
    QueryParameters query = request.query();
    var listing =
        new ContainerListing(
            query.bool("all"),
            (int) query.integer("limit").orElse(-1),
            query.filters(),
            containers::imageIdOf);
    Instant now = clock.instant();
    List<ListItemBody> items =
        listing.select(containers.list(query.bool("size"))).stream()
            .map(view -> ListItemBody.of(view, imageName(view), now, request.apiVersion()))
            .toList();
    return Response.json(items);
  }

  private Response inspect(Request request) {
    ContainerView view = containers.inspect(id(request), request.query().bool("size"));
    return Response.json(InspectTranslation.inspect(view, request.apiVersion()));
  }

  private Response start(Request request) {
    try {
      containers.start(id(request));
    } catch (EngineFault.NotModified e) {
      return Response.empty(304);
    }
    return Response.empty(204);
  }

  private Response stop(Request request) throws InterruptedException {
    try {
      containers.stop(id(request), request.query().integer("t"), request.query().get("signal"));
    } catch (EngineFault.NotModified e) {
      return Response.empty(304);
    }
    return Response.empty(204);
  }

  private Response kill(Request request) {
    containers.kill(id(request), request.query().get("signal"));
    return Response.empty(204);
  }

  private Response restart(Request request) throws InterruptedException {
    containers.restart(id(request), request.query().integer("t"), request.query().get("signal"));
    return Response.empty(204);
  }

  private Response await(Request request) {
    String condition = request.query().get("condition").orElse("");
    WaitCondition chosen;
    try {
      chosen = WaitCondition.parse(condition);
    } catch (EngineFault.InvalidArgument e) {
      if (request.apiVersion().atLeast(1, 42)) {
        throw e;
      }
      chosen = WaitCondition.NOT_RUNNING;
    }
    CompletableFuture<Integer> exit = containers.await(id(request), chosen);
    request.whenClientGone(() -> exit.cancel(false));
    return Response.jsonLines(
        out -> {
          try {
            out.write(new WaitBody(null, exit.get()));
          } catch (CancellationException e) {
            // the client left
          } catch (ExecutionException e) {
            out.write(new WaitBody(new WaitError(e.getCause().getMessage()), -1));
          }
        });
  }

  private Response rename(Request request) {
    String name =
        request
            .query()
            .get("name")
            .filter(given -> !given.isEmpty())
            .orElseThrow(
                () -> new EngineFault.InvalidArgument("Neither old nor new names may be empty"));
    containers.rename(id(request), name);
    return Response.empty(204);
  }

  private Response remove(Request request) throws InterruptedException {
    containers.remove(id(request), request.query().bool("force"), request.query().bool("v"));
    return Response.empty(204);
  }

  private Response logs(Request request) {
    LogQuery query = LogParameters.query(request.query());
    LogTarget target = containers.logs(id(request));
    boolean follow = request.query().bool("follow") && target.running();
    boolean timestamps = request.query().bool("timestamps");
    Optional<String> contentType =
        request.apiVersion().atLeast(1, 42)
            ? Optional.of(MultiplexedStream.contentType(request.apiVersion(), target.tty()))
            : Optional.empty();
    return Response.stream(
        contentType,
        out -> {
          var writer = new LogWriter(out, target.tty(), timestamps);
          if (!follow) {
            readAll(target, query, writer);
            return;
          }
          try (LogFollower follower = target.log().follow(query, target.runEnd())) {
            request.whenClientGone(follower::close);
            copy(follower, writer);
          }
        });
  }

  /**
   * Streams the container's output from now on (and, with {@code logs=1}, what it wrote before)
   * until its current or next run ends. The follow is set up before the response goes out, so a
   * client that attaches and then starts the container misses nothing.
   */
  private Response attach(Request request) {
    QueryParameters query = request.query();
    LogTarget target = containers.logs(id(request));
    var streams = EnumSet.noneOf(LogStream.class);
    if (query.bool("stdout")) {
      streams.add(LogStream.STDOUT);
    }
    if (query.bool("stderr")) {
      streams.add(LogStream.STDERR);
    }
    boolean replay = query.bool("logs");
    boolean stream = query.bool("stream");
    var logQuery =
        new LogQuery(
            EnumSet.allOf(LogStream.class),
            OptionalInt.empty(),
            replay ? Optional.empty() : Optional.of(clock.instant()),
            Optional.empty());
    LogFollower follower =
        target
            .log()
            .followChunks(
                logQuery, stream ? target.runEnd() : CompletableFuture.completedFuture(null));
    request.whenClientGone(follower::close);
    containers.attached(target.containerId());
    String contentType = MultiplexedStream.contentType(request.apiVersion(), target.tty());
    boolean stdin = query.bool("stdin");
    if (stdin) {
      AttachedStdin.requireBridge();
    }
    return Response.hijack(
        contentType,
        connection -> {
          if (stdin) {
            containers
                .parts()
                .threads()
                .newThread(() -> relayStdin(target, connection.input()))
                .start();
          }
          try (follower) {
            var writer = new LogWriter(connection.output(), target.tty(), false);
            Optional<LogRecord> record;
            while ((record = follower.next()).isPresent()) {
              if (streams.contains(record.get().stream())) {
                writer.write(record.get());
              }
            }
          }
        });
  }

  /** Sets a TTY container's terminal size ({@code h} rows, {@code w} columns). */
  private Response resize(Request request) {
    terminal.resize(
        id(request),
        request.query().integer("h").orElse(0),
        request.query().integer("w").orElse(0));
    return Response.empty(200);
  }

  private void relayStdin(LogTarget target, InputStream client) {
    try {
      terminal.relayStdin(target.containerId(), client, target.runEnd());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readAll(LogTarget target, LogQuery query, LogWriter writer)
      throws IOException {
    try {
      target
          .log()
          .read(
              query,
              record -> {
                try {
                  writer.write(record);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void copy(LogFollower follower, LogWriter writer)
      throws IOException, InterruptedException {
    Optional<LogRecord> record;
    while ((record = follower.next()).isPresent()) {
      writer.write(record.get());
    }
  }

  /** The reference the container was created with while it names the same image, else the id. */
  private String imageName(ContainerView view) {
    Container container = view.container();
    return containers
        .imageIdOf(container.config().image())
        .filter(id -> id.equals(container.imageId().toString()))
        .map(id -> container.config().image())
        .orElse(container.imageId().toString());
  }

  private static String id(Request request) {
    return request.pathParameter("id");
  }
}

package io.jcompose.engine.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /images}: list, inspect, load, import, pull, push, save, tag, remove, history. */
public final class ImagesRouter implements ApiRouter {

  record StreamLine(@JsonProperty("stream") String stream) {}

  record StatusLine(@JsonProperty("status") String status) {}

  record ErrorLine(
      @JsonProperty("errorDetail") Map<String, String> errorDetail,
      @JsonProperty("error") String error) {}

  private final ImageStore images;
  private final EventBus events;
  private final ImagePulls pulls;
  private final ImagePushes pushes;

  public ImagesRouter(ImageStore images, EventBus events) {
    this(images, events, ImagePulls.unsupported());
  }

  public ImagesRouter(ImageStore images, EventBus events, ImagePulls pulls) {
    this(images, events, pulls, ImagePushes.unsupported());
  }

  public ImagesRouter(ImageStore images, EventBus events, ImagePulls pulls, ImagePushes pushes) {
    this.images = images;
    this.events = events;
    this.pulls = pulls;
    this.pushes = pushes;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .get("/images/json", this::list)
        .post("/images/load", this::load)
        .post("/images/create", this::create)
        .get("/images/get", this::saveMany)
        .get("/images/{name...}/json", this::inspect)
        .get("/images/{name...}/history", this::history)
        .get("/images/{name...}/get", this::save)
        .post("/images/{name...}/tag", this::tag)
        .post("/images/{name...}/push", this::push)
        .delete("/images/{name...}", this::remove);
  }

  private Response list(Request request) {
    var filter = ImageFilter.parse(request.query().filters().asMap());
    boolean virtualSize = !request.apiVersion().atLeast(1, 44);
    var items = new ArrayList<ImageBodies.ListItem>();
    for (Image image : images.list(filter, request.query().bool("all"))) {
      items.add(ImageBodies.listItem(image, virtualSize));
    }
    return Response.json(items);
  }

  private Response inspect(Request request) {
    Image image = images.inspect(request.pathParameter("name"));
    return Response.json(ImageBodies.inspect(image, !request.apiVersion().atLeast(1, 44)));
  }

  private Response history(Request request) {
    return Response.json(ImageHistory.of(images, request.pathParameter("name")));
  }

  private Response load(Request request) {
    boolean quiet = request.query().bool("quiet");
    return Response.progress(
        out -> {
          try {
            images.load(
                request.body(),
                progress -> {
                  if (quiet
                      && !(progress instanceof LoadProgress.ImageLoaded)
                      && !(progress instanceof LoadProgress.ImageLoadedById)) {
                    return;
                  }
                  try {
                    out.write(new StreamLine(progress.message() + "\n"));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
            events.publish(EngineEvent.Type.IMAGE, "load", "", Map.of());
          } catch (EngineFault fault) {
            out.write(error(fault.getMessage()));
          }
        });
  }

  /** A pull ({@code fromImage}) or {@code docker import} ({@code fromSrc=-}). */
  private Response create(Request request) {
    Optional<String> source = request.query().get("fromSrc");
    if (source.isEmpty()) {
      return Response.progress(
          pulls.start(
              request.query().get("fromImage").orElse(""),
              request.query().get("tag").orElse(""),
              request.query().get("platform").filter(value -> !value.isEmpty()),
              request.header("X-Registry-Auth")));
    }
    if (!source.get().equals("-")) {
      throw new EngineFault.InvalidArgument(
          "import from a URL is not supported; send the tar in the request body (fromSrc=-)");
    }
    Optional<String> reference = request.query().get("repo").filter(repo -> !repo.isEmpty());
    Optional<String> tag = request.query().get("tag").filter(value -> !value.isEmpty());
    Optional<String> target =
        reference.map(repo -> tag.map(value -> repo + ":" + value).orElse(repo));
    var options =
        new ImportOptions(
            target, request.query().all("changes"), request.query().get("message").orElse(""));
    return Response.progress(
        out -> {
          try {
            Image image = images.importRootfs(request.body(), options);
            out.write(new StatusLine(image.id().toString()));
            events.publish(EngineEvent.Type.IMAGE, "import", image.id().toString(), Map.of());
          } catch (EngineFault fault) {
            out.write(error(fault.getMessage()));
          }
        });
  }

  /** {@code docker push}: the stream of {@link ImagePushes}. */
  private Response push(Request request) {
    String name = request.pathParameter("name");
    return Response.progress(
        pushes.start(
            name,
            request.query().get("tag").orElse(""),
            request.header("X-Registry-Auth"),
            reference -> events.publish(EngineEvent.Type.IMAGE, "push", reference, Map.of())));
  }

  private Response save(Request request) {
    return saveReferences(List.of(request.pathParameter("name")));
  }

  private Response saveMany(Request request) {
    List<String> names = request.query().all("names");
    if (names.isEmpty()) {
      throw new EngineFault.InvalidArgument("no images named: use ?names=IMAGE");
    }
    return saveReferences(names);
  }

  private Response saveReferences(List<String> references) {
    for (String reference : references) {
      images.inspect(reference); // 404 before the stream starts
    }
    return Response.stream(Optional.of("application/x-tar"), out -> images.save(references, out));
  }

  private Response tag(Request request) {
    String repository =
        request
            .query()
            .get("repo")
            .filter(repo -> !repo.isEmpty())
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "repository name must have at least one component"));
    String target =
        request
            .query()
            .get("tag")
            .filter(tag -> !tag.isEmpty())
            .map(tag -> repository + ":" + tag)
            .orElse(repository);
    String source = request.pathParameter("name");
    images.tag(source, target);
    events.publish(
        EngineEvent.Type.IMAGE,
        "tag",
        images.inspect(target).id().toString(),
        Map.of("name", target));
    return Response.empty(201);
  }

  private Response remove(Request request) {
    var removed = images.remove(request.pathParameter("name"), request.query().bool("force"));
    var body = new ArrayList<Map<String, String>>();
    for (RemovedImage line : removed) {
      var entry = new LinkedHashMap<String, String>();
      if (line instanceof RemovedImage.Untagged untagged) {
        entry.put("Untagged", untagged.reference());
        events.publish(EngineEvent.Type.IMAGE, "untag", untagged.reference(), Map.of());
      } else if (line instanceof RemovedImage.Deleted deleted) {
        entry.put("Deleted", deleted.id());
        events.publish(EngineEvent.Type.IMAGE, "delete", deleted.id(), Map.of());
      } else {
        throw new IllegalStateException("unknown removal line " + line);
      }
      body.add(entry);
    }
    return Response.json(body);
  }

  private static ErrorLine error(String message) {
    return new ErrorLine(Map.of("message", message), message);
  }
}

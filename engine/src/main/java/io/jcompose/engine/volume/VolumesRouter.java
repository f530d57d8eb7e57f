package io.jcompose.engine.volume;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code /volumes}: list, create, inspect, remove, prune. */
public final class VolumesRouter implements ApiRouter {

  record ListBody(
      @JsonProperty("Volumes") List<VolumeBody> volumes,
      @JsonProperty("Warnings") List<String> warnings) {}

  record PruneBody(
      @JsonProperty("VolumesDeleted") List<String> volumesDeleted,
      @JsonProperty("SpaceReclaimed") long spaceReclaimed) {}

  private final LocalVolumes volumes;

  public VolumesRouter(LocalVolumes volumes) {
    this.volumes = volumes;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .get("/volumes", this::list)
        .post("/volumes/create", this::create)
        .post("/volumes/prune", this::prune)
        .get("/volumes/{name}", this::inspect)
        .delete("/volumes/{name}", this::remove);
  }

  private Response list(Request request) {
    var selected = VolumeFilter.forList(request.query().filters(), volumes);
    List<VolumeBody> bodies = volumes.list().stream().filter(selected).map(VolumeBody::of).toList();
    return Response.json(new ListBody(bodies, null));
  }

  private Response create(Request request) throws IOException {
    VolumeCreateBody body = request.bodyAs(VolumeCreateBody.class).orElse(VolumeCreateBody.EMPTY);
    Volume volume =
        volumes.create(
            Optional.ofNullable(body.name()),
            body.driver(),
            VolumeCreateBody.present(body.labels()),
            VolumeCreateBody.present(body.driverOptions()));
    return Response.json(201, VolumeBody.of(volume));
  }

  private Response inspect(Request request) {
    return Response.json(VolumeBody.of(volumes.inspect(request.pathParameter("name"))));
  }

  private Response remove(Request request) {
    volumes.remove(request.pathParameter("name"), request.query().bool("force"));
    return Response.empty(204);
  }

  private Response prune(Request request) {
    boolean anonymousOnly = request.apiVersion().atLeast(1, 42);
    var report = volumes.prune(VolumeFilter.forPrune(request.query().filters(), anonymousOnly));
    return Response.json(new PruneBody(report.volumeNames(), report.reclaimedBytes()));
  }
}

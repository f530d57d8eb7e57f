package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.image.ImageDiskUsage;
import io.jcompose.engine.snapshot.Layer;
import io.jcompose.engine.volume.VolumeDiskUsage;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /system/df}: the unpacked layers' bytes, the images (with their containers and shared
 * bytes), the containers (with {@code SizeRw} and {@code SizeRootFs}), the volumes (with {@code
 * UsageData}); the build cache is always empty.
 */
public final class DiskUsageRouter implements ApiRouter {

  private final ContainerService containers;

  public DiskUsageRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.get("/system/df", this::diskUsage);
  }

  record DiskUsageBody(
      @JsonProperty("LayersSize") long layersSize,
      @JsonProperty("Images") List<Object> images,
      @JsonProperty("Containers") List<ListItemBody> containers,
      @JsonProperty("Volumes") List<Object> volumes,
      @JsonProperty("BuildCache") List<Object> buildCache) {}

  private Response diskUsage(Request request) {
    ContainerSubsystems parts = containers.parts();
    long layersSize = parts.snapshots().layers().stream().mapToLong(Layer::size).sum();
    List<Object> images =
        ImageDiskUsage.items(
            parts.images(),
            containers.registry(),
            diffId -> parts.snapshots().layer(diffId).map(Layer::size).orElse(0L));
    Instant now = parts.clock().instant();
    List<ListItemBody> items =
        containers.list(true).stream()
            .map(
                view ->
                    ListItemBody.of(
                        view, view.container().config().image(), now, request.apiVersion()))
            .toList();
    return Response.json(
        new DiskUsageBody(
            layersSize, images, items, VolumeDiskUsage.items(parts.volumes()), List.of()));
  }
}

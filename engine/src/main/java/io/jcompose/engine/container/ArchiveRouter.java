package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.archive.ArchiveExtraction;
import io.jcompose.engine.archive.ContainerFileSystem;
import io.jcompose.engine.archive.PathArchive;
import io.jcompose.engine.archive.PathStat;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.http.WireJson;
import io.jcompose.engine.oci.ProcessUser;
import io.jcompose.engine.oci.UserSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code /containers/{id}/archive}: HEAD (the path's stat in {@code X-Docker-Container-Path-Stat}),
 * GET (the path as a tar, with the stat) and PUT (a tar extracted into a directory), on running,
 * created and exited containers, with paths resolved inside the container's root and through its
 * mounts (see {@link ContainerFiles}); and {@code /containers/{id}/export}, the root filesystem as
 * a tar.
 */
public final class ArchiveRouter implements ApiRouter {

  static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
  private static final String TAR = "application/x-tar";

  private final ContainerService containers;
  private final ContainerFiles files;

  public ArchiveRouter(ContainerService containers) {
    this.containers = containers;
    this.files = new ContainerFiles(containers.parts());
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .head("/containers/{id}/archive", this::stat)
        .get("/containers/{id}/archive", this::archive)
        .put("/containers/{id}/archive", this::extract)
        .get("/containers/{id}/export", this::export);
  }

  record StatBody(
      @JsonProperty("name") String name,
      @JsonProperty("size") long size,
      @JsonProperty("mode") long mode,
      @JsonProperty("mtime") String mtime,
      @JsonProperty("linkTarget") String linkTarget) {}

  private Response stat(Request request) throws IOException {
    ContainerEntry entry = containers.registry().resolve(request.pathParameter("id"));
    String path = path(request);
    PathStat stat =
        files.with(entry, fileSystem -> PathStat.of(fileSystem, path, reference(request)));
    return Response.empty(200).withHeader(STAT_HEADER, header(stat));
  }

  private Response archive(Request request) throws IOException {
    ContainerEntry entry = containers.registry().resolve(request.pathParameter("id"));
    String path = path(request);
    if (entry.current().isRunning()) {
      return files.with(
          entry,
          fileSystem -> {
            PathStat stat = PathStat.of(fileSystem, path, reference(request));
            containers.events().publish(entry.current(), "archive-path");
            return Response.stream(
                    Optional.of(TAR), out -> PathArchive.write(fileSystem, path, out))
                .withHeader(STAT_HEADER, header(stat));
          });
    }
    var stat = new PathStat[1];
    Response spooled =
        spooled(
            entry,
            "archive-",
            (fileSystem, out) -> {
              stat[0] = PathStat.of(fileSystem, path, reference(request));
              PathArchive.write(fileSystem, path, out);
            });
    containers.events().publish(entry.current(), "archive-path");
    return spooled.withHeader(STAT_HEADER, header(stat[0]));
  }

  /**
   * {@code docker export}: the container's root filesystem as a tar, without what its volumes,
   * binds and tmpfs mounts hold (as dockerd exports it).
   */
  private Response export(Request request) throws IOException {
    ContainerEntry entry = containers.registry().resolve(request.pathParameter("id"));
    Response spooled =
        spooled(
            entry,
            "export-",
            (fileSystem, out) ->
                PathArchive.write(
                    new ContainerFileSystem(fileSystem.root(), true, List.of()), "/", out));
    containers.events().publish(entry.current(), "export");
    return spooled;
  }

  /** Writes a tar of a container's files. */
  private interface TarWriter {
    void write(ContainerFileSystem fileSystem, OutputStream out) throws IOException;
  }

  /**
   * A tar of a stopped (or running) container's files, written to a spool file while its root is
   * mounted and streamed from there afterwards, so the mount is not held while a slow client reads.
   * The spool lies in the container's directory: what a vanished client leaves goes with the
   * container.
   */
  private Response spooled(ContainerEntry entry, String prefix, TarWriter writer)
      throws IOException {
    Path spool =
        Files.createTempFile(containers.parts().directoryOf(entry.id()).path(), prefix, ".tar");
    try {
      files.with(
          entry,
          fileSystem -> {
            try (OutputStream out = Files.newOutputStream(spool)) {
              writer.write(fileSystem, out);
            }
            return null;
          });
      return Response.stream(
          Optional.of(TAR),
          out -> {
            try (InputStream in = Files.newInputStream(spool)) {
              in.transferTo(out);
            } finally {
              Files.deleteIfExists(spool);
            }
          });
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
  }

  private Response extract(Request request) throws IOException {
    ContainerEntry entry = containers.registry().resolve(request.pathParameter("id"));
    String path = path(request);
    boolean noOverwrite = request.query().bool("noOverwriteDirNonDir");
    boolean copyOwner = request.query().bool("copyUIDGID");
    files.with(
        entry,
        fileSystem -> {
          ContainerFileSystem.Location directory = fileSystem.resolve(path);
          if (!Files.exists(directory.hostPath(), LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineFault.NotFound(
                "Could not find the file " + path + " in container " + reference(request));
          }
          if (!Files.isDirectory(directory.hostPath(), LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineFault.InvalidArgument("extraction point is not a directory");
          }
          Optional<long[]> owner =
              copyOwner ? Optional.of(owner(entry.current(), fileSystem)) : Optional.empty();
          ArchiveExtraction.extract(
              fileSystem,
              directory.containerPath(),
              request.body(),
              new ArchiveExtraction.Options(noOverwrite, owner));
          return null;
        });
    containers.events().publish(entry.current(), "extract-to-dir");
    return Response.empty(200);
  }

  /** The container's user, looked up in its own passwd and group files. */
  private static long[] owner(Container container, ContainerFileSystem fileSystem) {
    String user = container.config().user();
    ProcessUser resolved =
        (user.isEmpty() ? UserSpec.ROOT : UserSpec.parse(user)).resolve(fileSystem.root());
    return new long[] {resolved.uid(), resolved.gid()};
  }

  /**
   * The {@code path} parameter as an absolute path, a trailing {@code /} or {@code /.} kept.
   *
   * @throws EngineFault.InvalidArgument when it is missing
   */
  private static String path(Request request) {
    String path =
        request
            .query()
            .get("path")
            .filter(given -> !given.isEmpty())
            .orElseThrow(() -> new EngineFault.InvalidArgument("Path cannot be empty"));
    return path.startsWith("/") ? path : "/" + path;
  }

  private static String reference(Request request) {
    return request.pathParameter("id");
  }

  private static String header(PathStat stat) throws JsonProcessingException {
    var body =
        new StatBody(
            stat.name(),
            stat.size(),
            stat.mode(),
            ApiTime.format(stat.modified()),
            stat.linkTarget());
    byte[] json = WireJson.mapper().writeValueAsBytes(body);
    return Base64.getEncoder().encodeToString(json);
  }
}

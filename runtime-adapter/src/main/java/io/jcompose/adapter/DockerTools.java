package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.jcompose.adapter.tools.ContainerTools;
import io.jcompose.adapter.tools.ImageDetails;
import io.jcompose.adapter.tools.PathArchive;
import io.jcompose.adapter.tools.PathStat;
import io.jcompose.adapter.tools.ProcessList;
import io.jcompose.adapter.tools.StatsSample;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link ContainerTools} over docker-java (top, pause, image inspect) and raw requests (the archive
 * API and stats, whose bodies are streams or whose fields docker-java drops).
 */
final class DockerTools implements ContainerTools {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH_STAT_HEADER = "X-Docker-Container-Path-Stat";

  private final DockerClient docker;
  private final RawExchange raw;
  private final Faults faults;

  private final Events events;

  DockerTools(DockerClient docker, RawExchange raw, Faults faults, Events events) {
    this.docker = docker;
    this.raw = raw;
    this.faults = faults;
    this.events = events;
  }

  @Override
  public Subscription events(
      LabelFilter filter,
      Optional<Instant> since,
      Optional<Instant> until,
      Consumer<RuntimeEvent> sink) {
    return events.subscribe(filter, since, until, sink);
  }

  @Override
  public Optional<PathStat> statPath(String containerIdOrName, String path) {
    try (Response response =
        raw.open("HEAD", archivePath(containerIdOrName, path), Optional.empty())) {
      return Optional.of(pathStat(response));
    } catch (RuntimeFault.NotFound missing) {
      if (missing.getMessage().contains("No such container")) {
        throw missing;
      }
      return Optional.empty();
    }
  }

  @Override
  public PathArchive readArchive(String containerIdOrName, String path) {
    Response response = raw.open("GET", archivePath(containerIdOrName, path), Optional.empty());
    try {
      return new PathArchive(pathStat(response), response.getBody(), response::close);
    } catch (RuntimeException failure) {
      response.close();
      throw failure;
    }
  }

  @Override
  public void extractArchive(
      String containerIdOrName, String directory, InputStream tar, boolean copyOwnership) {
    String path =
        archivePath(containerIdOrName, directory)
            + "&noOverwriteDirNonDir=true"
            + (copyOwnership ? "&copyUIDGID=true" : "");
    try (Response response = raw.open("PUT", path, Optional.of(tar))) {
      response.getBody().readAllBytes();
    } catch (IOException failure) {
      throw faults.map(failure);
    }
  }

  @Override
  public ProcessList top(String containerIdOrName) {
    TopContainerResponse top = faults.call(() -> docker.topContainerCmd(containerIdOrName).exec());
    var rows = new ArrayList<List<String>>();
    if (top.getProcesses() != null) {
      for (String[] process : top.getProcesses()) {
        rows.add(Arrays.asList(process));
      }
    }
    return new ProcessList(
        top.getTitles() == null ? List.of() : Arrays.asList(top.getTitles()), rows);
  }

  @Override
  public StatsSample stats(String containerIdOrName) {
    String path = "/containers/" + RawApi.pathSegment(containerIdOrName) + "/stats?stream=false";
    try (Response response = raw.open("GET", path, Optional.empty())) {
      return StatsJson.sample(JSON.readTree(response.getBody()));
    } catch (IOException failure) {
      throw faults.map(failure);
    }
  }

  @Override
  public Subscription streamStats(String containerIdOrName, Consumer<StatsSample> sink) {
    String path = "/containers/" + RawApi.pathSegment(containerIdOrName) + "/stats?stream=true";
    return StatsStream.start(raw.open("GET", path, Optional.empty()), sink, faults);
  }

  @Override
  public void pause(String containerIdOrName) {
    faults.run(() -> docker.pauseContainerCmd(containerIdOrName).exec());
  }

  @Override
  public void unpause(String containerIdOrName) {
    faults.run(() -> docker.unpauseContainerCmd(containerIdOrName).exec());
  }

  @Override
  public Optional<ImageDetails> image(String imageIdOrReference) {
    try {
      InspectImageResponse image =
          faults.call(() -> docker.inspectImageCmd(imageIdOrReference).exec());
      return Optional.of(
          new ImageDetails(
              image.getId(),
              ContainerViews.orEmpty(image.getRepoTags()),
              image.getSize() == null ? 0 : image.getSize()));
    } catch (RuntimeFault.NotFound missing) {
      return Optional.empty();
    }
  }

  private static String archivePath(String containerIdOrName, String path) {
    return "/containers/"
        + RawApi.pathSegment(containerIdOrName)
        + "/archive?path="
        + RawApi.pathSegment(path);
  }

  /** The base64 JSON the daemon puts in {@code X-Docker-Container-Path-Stat}. */
  static PathStat pathStat(Response response) {
    String encoded =
        RawExchange.header(response, PATH_STAT_HEADER)
            .orElseThrow(() -> new RuntimeFault.Internal("the daemon sent no " + PATH_STAT_HEADER));
    return decodePathStat(encoded);
  }

  static PathStat decodePathStat(String encoded) {
    try {
      JsonNode stat =
          JSON.readTree(
              new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8));
      return new PathStat(
          stat.path("name").asText(""),
          stat.path("size").asLong(0),
          stat.path("mode").asLong(0),
          stat.path("linkTarget").asText(""));
    } catch (IOException | IllegalArgumentException malformed) {
      throw new RuntimeFault.Internal(
          "the daemon sent a malformed " + PATH_STAT_HEADER + ": " + encoded, malformed);
    }
  }
}

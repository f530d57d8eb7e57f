package io.jcompose.engine.api;

import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /_ping}, {@code /version} and {@code /info}: how clients find the engine, pick an API
 * version and check what it is.
 */
public final class SystemRouter implements ApiRouter {

  private static final DateTimeFormatter RFC_3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnnXXX").withZone(ZoneOffset.UTC);

  private final EngineFacts facts;
  private final Inventory inventory;
  private final Clock clock;

  public SystemRouter(EngineFacts facts, Inventory inventory, Clock clock) {
    this.facts = facts;
    this.inventory = inventory;
    this.clock = clock;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .get("/_ping", this::ping)
        .head("/_ping", this::ping)
        .get("/version", request -> Response.json(VersionBody.of(facts)))
        .get("/info", request -> Response.json(info()));
  }

  /**
   * {@code OK} with dockerd's headers. No {@code Builder-Version}: a client seeing {@code 2} would
   * try BuildKit over {@code /session}.
   */
  private Response ping(Request request) {
    return Response.text(200, "text/plain; charset=utf-8", "OK")
        .withHeader("Cache-Control", "no-cache, no-store, must-revalidate")
        .withHeader("Pragma", "no-cache")
        .withHeader("Swarm", "inactive");
  }

  private InfoBody info() {
    HostFacts host = facts.host();
    ContainerCounts containers = inventory.containers().get();
    return new InfoBody(
        new InfoBody.Identity(
            facts.engineId(),
            host.hostname(),
            facts.engineVersion(),
            false,
            false,
            List.of(),
            null),
        new InfoBody.Counts(
            containers.total(),
            containers.running(),
            containers.paused(),
            containers.stopped(),
            inventory.images().getAsInt(),
            openFileDescriptors(),
            Thread.activeCount(),
            inventory.eventListeners().getAsInt()),
        new InfoBody.Storage(
            "overlay2",
            List.of(
                List.of("Backing Filesystem", backingFilesystem(facts.dataRoot())),
                List.of("Supports d_type", "true"),
                List.of("Native Overlay Diff", "true"),
                List.of("userxattr", "false")),
            facts.dataRoot().toString()),
        new InfoBody.Capabilities(
            true,
            true,
            true,
            true,
            true,
            true,
            true,
            true,
            false,
            host.ipv4Forwarding(),
            host.bridgeNfIptables(),
            host.bridgeNfIp6tables()),
        new InfoBody.Host(
            RFC_3339_NANO.format(clock.instant()),
            host.kernelVersion(),
            host.operatingSystem(),
            host.osVersion(),
            "linux",
            host.architecture(),
            host.cpus(),
            host.memoryBytes(),
            "cgroupfs",
            host.cgroupVersion(),
            "",
            "",
            ""),
        new InfoBody.RuntimeSection(
            Map.of("runc", new InfoBody.RuntimePath("runc")),
            "runc",
            "json-file",
            new InfoBody.Plugins(
                List.of("local"), List.of("bridge", "host", "null"), null, List.of("json-file")),
            false,
            "",
            "",
            new InfoBody.Commit("", ""),
            new InfoBody.Commit("", ""),
            new InfoBody.Commit("", ""),
            List.of(),
            null),
        new InfoBody.Registry(
            "https://index.docker.io/v1/",
            new InfoBody.RegistryConfig(
                List.of(), List.of(), List.of("127.0.0.0/8"), indexConfigs(), facts.mirrors())),
        new InfoBody.Cluster(new InfoBody.Swarm("", "", "inactive", false, "", null)));
  }

  /** Docker Hub, and each insecure registry as dockerd lists it ({@code Secure: false}). */
  private Map<String, InfoBody.IndexInfo> indexConfigs() {
    var configs = new java.util.TreeMap<String, InfoBody.IndexInfo>();
    configs.put("docker.io", new InfoBody.IndexInfo("docker.io", facts.mirrors(), true, true));
    for (String registry : facts.insecureRegistries()) {
      configs.put(registry, new InfoBody.IndexInfo(registry, List.of(), false, false));
    }
    return configs;
  }

  private static int openFileDescriptors() {
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
      return (int) descriptors.count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String backingFilesystem(Path dataRoot) {
    try {
      String type = Files.getFileStore(dataRoot).type();
      return type.startsWith("ext") ? "extfs" : type;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

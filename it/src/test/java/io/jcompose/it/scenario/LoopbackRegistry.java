package io.jcompose.it.scenario;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A registry on loopback: the suites' own (JCOMPOSE_TEST_REGISTRY, started by scripts/test.sh) when
 * there is one, else Debian's {@code docker-registry} (distribution 2.8) started here on a free
 * port, storing under a temporary directory, stopped and deleted on close. dockerd treats
 * 127.0.0.0/8 as insecure, so it pushes and pulls here over plain HTTP. Scenarios use repository
 * names of their own ({@link #repository}), so they can share it.
 */
final class LoopbackRegistry implements AutoCloseable {

  static final String SHARED_VARIABLE = "JCOMPOSE_TEST_REGISTRY";

  private final String address;
  private final Path directory;
  private final Process process;

  private LoopbackRegistry(String address, Path directory, Process process) {
    this.address = address;
    this.directory = directory;
    this.process = process;
  }

  /** The suites' registry, or one of this scenario's own. */
  static LoopbackRegistry start() throws Exception {
    String shared = System.getenv(SHARED_VARIABLE);
    if (shared != null && !shared.isBlank()) {
      return new LoopbackRegistry(shared.strip(), null, null);
    }
    Path directory = Files.createTempDirectory("jcs-registry").toRealPath();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = directory.resolve("registry.yml");
    Files.writeString(
        config,
        "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
            + directory.resolve("storage")
            + "\nhttp:\n  addr: 127.0.0.1:"
            + port
            + "\n");
    Process process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("registry.log").toFile())
            .start();
    var registry = new LoopbackRegistry("127.0.0.1:" + port, directory, process);
    try {
      Await.until(
          "docker-registry to listen on port " + port,
          Duration.ofSeconds(30),
          () -> registry.listening(port),
          listening -> listening);
      return registry;
    } catch (Exception | Error failure) {
      registry.close();
      throw failure;
    }
  }

  /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
  String address() {
    return address;
  }

  /** A repository name no other scenario uses: {@code jcs-<random>/<name>}. */
  static String repository(String name) {
    return "jcs-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "/" + name;
  }

  /** The body of {@code GET /v2/<repository>/tags/list}, or the status when it is not 200. */
  String tags(String repository) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://" + address() + "/v2/" + repository + "/tags/list"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode();
  }

  private boolean listening(int port) {
    if (!process.isAlive()) {
      throw new AssertionError("docker-registry exited; see " + directory.resolve("registry.log"));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    if (process == null) {
      return; // the suites' registry: scripts/test.sh stops it
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

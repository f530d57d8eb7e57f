package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.daemon.EngineDaemon;
import io.jcompose.engine.daemon.EngineOptions;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.http.ServerNotice;
import io.jcompose.engine.http.TestClient;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.image.ImageUsers;
import io.jcompose.engine.network.Cidr;
import io.jcompose.engine.network.HostNamespace;
import io.jcompose.engine.network.NetworkRequest;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.registry.RegistrySettings;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.TemporaryTrees;
import io.jcompose.engine.testimage.TestMounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One engine for a test class, with everything it makes on the host named so it can be found and
 * removed: a temp directory (data root, socket, exec root), a network prefix of its own (bridges,
 * veths, netns, iptables chains) that is also its cgroup parent, and a subnet pool of its own.
 * {@link #leftovers()} lists what the engine left; {@link #close()} removes it all regardless.
 */
final class EngineFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  final Path directory;
  final Path dataRoot;
  final Path socket;
  final Path execRoot;
  final String prefix;
  final Cidr pool;
  final List<ServerNotice> notices = new CopyOnWriteArrayList<>();
  private EngineDaemon daemon;

  /** What the docker CLI printed and returned. */

  /** A response, its body parsed as JSON when it is JSON. */
  record Reply(int status, String body, JsonNode json) {}

  private EngineFixture(Path directory, String prefix, Cidr pool) {
    this.directory = directory;
    this.dataRoot = directory.resolve("data");
    this.socket = directory.resolve("engine.sock");
    this.execRoot = directory.resolve("exec");
    this.prefix = prefix;
    this.pool = pool;
  }

  static EngineFixture create() throws IOException {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    var prefix = new StringBuilder("c");
    for (int i = 0; i < 5; i++) {
      prefix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    Path directory = Files.createTempDirectory("jcec-" + prefix);
    Cidr pool = Cidr.parse("10." + (150 + RANDOM.nextInt(50)) + ".0.0/16");
    return new EngineFixture(directory.toRealPath(), prefix.toString(), pool);
  }

  EngineOptions options() {
    return new EngineOptions(socket, dataRoot, ApiVersions.DEFAULT)
        .withHost(EngineOptions.HostResources.isolated(execRoot, prefix, pool));
  }

  /** Loads an image into the data root; the engine must not be running. */
  void load(BusyboxImage image) {
    if (daemon != null) {
      throw new IllegalStateException("load images before the engine starts");
    }
    ImageStore store =
        ImageStore.open(
            dataRoot,
            ContentStore.open(dataRoot),
            Snapshotter.open(dataRoot, dataRoot.resolve("containers")),
            ImageUsers.NONE,
            Clock.systemUTC());
    store.load(new ByteArrayInputStream(image.dockerArchive()), progress -> {});
  }

  /** Creates a bridge network in the data root; the engine must not be running. */
  void createNetwork(String name) {
    if (daemon != null) {
      throw new IllegalStateException("create networks before the engine starts");
    }
    try (Networks networks =
        Networks.open(
            dataRoot.resolve("network"),
            options().host().networks(),
            HostNamespace.current(),
            Thread::new,
            Clock.systemUTC(),
            event -> {})) {
      networks.create(NetworkRequest.bridge(name));
    }
  }

  /** The command line of an engine process with this fixture's options. */
  List<String> engineCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    EngineOptions.HostResources host = options().host();
    return List.of(
        java,
        "-cp",
        System.getProperty("java.class.path"),
        EngineDaemon.class.getName(),
        "--host",
        "unix://" + socket,
        "--data-root",
        dataRoot.toString(),
        "--exec-root",
        host.execRoot().toString(),
        "--cgroup-parent",
        host.cgroupParent(),
        "--network-prefix",
        host.networks().namePrefix(),
        "--network-pool",
        pool.toString());
  }

  EngineDaemon start() {
    daemon = EngineDaemon.start(options(), notices::add);
    return daemon;
  }

  /** Starts the engine with its own registry settings (insecure registries, certs dirs). */
  EngineDaemon start(RegistrySettings registries) {
    daemon = EngineDaemon.start(options().withRegistries(registries), notices::add);
    return daemon;
  }

  /** Closes the engine; its containers run on. */
  void stop() {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }

  // ---- the API ----

  Reply get(String path) throws IOException {
    return exchange("GET", path, Optional.empty());
  }

  Reply post(String path) throws IOException {
    return exchange("POST", path, Optional.empty());
  }

  Reply post(String path, Object body) throws IOException {
    String text = body instanceof String string ? string : JSON.writeValueAsString(body);
    return exchange("POST", path, Optional.of(text));
  }

  Reply delete(String path) throws IOException {
    return exchange("DELETE", path, Optional.empty());
  }

  /** Creates a container from a body given as JSON text; returns its id. */
  String create(String name, String body) throws IOException {
    Reply reply = post("/v1.44/containers/create" + (name.isEmpty() ? "" : "?name=" + name), body);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
    return reply.json().path("Id").asText();
  }

  private Reply exchange(String method, String path, Optional<String> body) throws IOException {
    String request =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + body.map(
                    text ->
                        "Content-Type: application/json\r\nContent-Length: "
                            + text.getBytes(StandardCharsets.UTF_8).length
                            + "\r\n\r\n"
                            + text)
                .orElse("Content-Length: 0\r\n\r\n");
    TestClient.RawResponse response =
        TestClient.exchange(
            socket,
            new String(request.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    String text = response.bodyText();
    JsonNode json = null;
    if ("application/json".equals(response.header("content-type")) && !text.isBlank()) {
      json = JSON.readTree(text);
    }
    return new Reply(response.status(), text, json);
  }

  // ---- the docker CLI ----

  DockerCli.Run docker(String... args) throws IOException, InterruptedException {
    return new DockerCli(socket, directory).run(args);
  }

  // ---- clean-up ----

  /** Removes every container through the API (force, with anonymous volumes). */
  void removeAllContainers() throws IOException {
    Reply list = get("/containers/json?all=1");
    for (JsonNode container : list.json()) {
      delete("/containers/" + container.path("Id").asText() + "?force=1&v=1");
    }
  }

  /**
   * The end of a test's engine: removes every container, stops the engine, asserts it left nothing
   * on the host, and closes it (also when that assertion fails).
   */
  void closeLeavingNothing() throws IOException {
    try {
      removeAllContainers();
      stop();
      assertThat(leftovers()).isEmpty();
    } finally {
      close();
    }
  }

  /** What the engine left on the host, described; empty when nothing is left. */
  List<String> leftovers() {
    var left = new ArrayList<String>();
    TestMounts.under(directory).forEach(point -> left.add("mount " + point));
    namespaces().forEach(name -> left.add("netns " + name));
    links().forEach(name -> left.add("link " + name));
    chains().forEach(chain -> left.add("iptables chain " + chain));
    cgroups().forEach(path -> left.add("cgroup " + path));
    conmons().forEach(pid -> left.add("conmon " + pid));
    runcContainers().forEach(id -> left.add("runc container " + id));
    return left;
  }

  /** Stops the engine and removes everything it may have left, then the directory. */
  @Override
  public void close() {
    try {
      stop();
    } finally {
      for (String id : runcContainers()) {
        HostCommand.run(
            "runc", "--root", execRoot.resolve("runc").toString(), "delete", "--force", id);
      }
      for (long pid : conmons()) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      TestMounts.unmountAll(directory);
      for (String name : namespaces()) {
        HostCommand.run("ip", "netns", "del", name);
      }
      for (String name : links()) {
        HostCommand.run("ip", "link", "del", name);
      }
      removeChains();
      for (Path cgroup : cgroups()) {
        try (Stream<Path> children = Files.list(cgroup)) {
          children.filter(Files::isDirectory).forEach(EngineFixture::deleteQuietly);
        } catch (IOException e) {
          // reported by leftovers()
        }
        deleteQuietly(cgroup);
      }
      TemporaryTrees.clear(directory);
      deleteQuietly(directory);
    }
  }

  private List<String> namespaces() {
    return HostCommand.run("ip", "netns", "list")
        .stdout()
        .lines()
        .map(line -> line.split("\\s+")[0])
        .filter(name -> name.startsWith(prefix + "-"))
        .toList();
  }

  private List<String> links() {
    var names = new ArrayList<String>();
    try {
      for (JsonNode link : JSON.readTree(HostCommand.run("ip", "-j", "link", "show").stdout())) {
        String name = link.path("ifname").asText();
        if (name.startsWith(prefix)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private List<String> chains() {
    String upper = prefix.toUpperCase(java.util.Locale.ROOT);
    var chains = new ArrayList<String>();
    for (String table : List.of("filter", "nat")) {
      HostCommand.run("iptables", "-w", "-t", table, "-S")
          .stdout()
          .lines()
          .filter(line -> line.startsWith("-N " + upper + "-"))
          .forEach(line -> chains.add(table + " " + line.substring(3)));
    }
    return chains;
  }

  private void removeChains() {
    String upper = prefix.toUpperCase(java.util.Locale.ROOT);
    for (String table : List.of("filter", "nat")) {
      for (String rule :
          HostCommand.run("iptables", "-w", "-t", table, "-S").stdout().lines().toList()) {
        if (rule.startsWith("-A ") && rule.contains("-j " + upper + "-")) {
          var argv = new ArrayList<>(List.of("iptables", "-w", "-t", table, "-D"));
          argv.addAll(List.of(rule.substring(3).replace("\"", "").split(" ")));
          HostCommand.run(argv);
        }
      }
    }
    for (String chain : chains()) {
      String[] parts = chain.split(" ");
      HostCommand.run("iptables", "-w", "-t", parts[0], "-F", parts[1]);
      HostCommand.run("iptables", "-w", "-t", parts[0], "-X", parts[1]);
    }
  }

  private List<Path> cgroups() {
    var found = new ArrayList<Path>();
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path hierarchy : hierarchies.toList()) {
        Path parent = hierarchy.resolve(prefix);
        if (Files.isDirectory(parent)) {
          found.add(parent);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private List<Long> conmons() {
    var pids = new ArrayList<Long>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmdline = Files.readString(process.resolve("cmdline"));
          String status = Files.readString(process.resolve("status"));
          if (cmdline.contains("conmon")
              && cmdline.contains(directory.toString())
              && !status.contains("State:\tZ")) {
            pids.add(Long.parseLong(name));
          }
        } catch (IOException e) {
          // the process is gone
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pids;
  }

  private List<String> runcContainers() {
    Path root = execRoot.resolve("runc");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries.map(path -> path.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // reported by leftovers()
    }
  }

  // ---- published ports ----

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The body of {@code GET /} from 127.0.0.1:port (HTTP/1.0, so the server closes). */
  static String httpGet(int port) throws IOException {
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}

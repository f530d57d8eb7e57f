package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.engine.daemon.EngineDaemon;
import io.jcompose.engine.daemon.EngineOptions;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.network.Cidr;
import io.jcompose.engine.network.NetworkSettings;
import io.jcompose.engine.registry.RegistrySettings;
import io.jcompose.schema.json.JsonText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jcompose engine run|status|stop|env}: the bundled engine, a Docker-API daemon on a unix
 * socket ({@code /run/jcompose/engine.sock} unless {@code -H unix:///path} says otherwise), with
 * its data under {@code /var/lib/jcompose} unless {@code --data-root} says otherwise.
 */
public final class EngineCommand {

  static final Option DATA_ROOT =
      Option.value(
          "DIR",
          "Where the engine keeps images, containers and volumes (default /var/lib/jcompose).",
          "--data-root");

  static final Option EXEC_ROOT =
      Option.value(
          "DIR",
          "Where the runtime keeps its state, a tmpfs (default /run/jcompose).",
          "--exec-root");

  static final Option CGROUP_PARENT =
      Option.value(
          "PATH",
          "The cgroup the containers' cgroups go under (default /jcompose).",
          "--cgroup-parent");

  static final Option NETWORK_PREFIX =
      Option.value(
          "PREFIX",
          "Names the engine's bridges, veths, namespaces and iptables chains (default jce), so"
              + " that engines can run side by side.",
          "--network-prefix");

  static final Option NETWORK_POOL =
      Option.value(
          "CIDR",
          "The IPv4 range network subnets (/24) are taken from (default 10.213.0.0/16).",
          "--network-pool");

  static final Option INSECURE_REGISTRY =
      Option.value(
              "HOST[:PORT]",
              "A registry that may be reached over plain HTTP, or TLS without certificate checks"
                  + " (repeatable).",
              "--insecure-registry")
          .asRepeatable();

  static final Option REGISTRY_CERTS_DIR =
      Option.value(
              "DIR",
              "Where registries' CA certificates are, as <DIR>/HOST:PORT/*.crt (repeatable;"
                  + " default /etc/docker/certs.d and /etc/jcompose/certs.d).",
              "--registry-certs-dir")
          .asRepeatable();

  static final Option REGISTRY_MIRROR =
      Option.value(
              "URL",
              "A Docker Hub mirror, http[s]://host[:port], tried before Docker Hub for its images"
                  + " (repeatable).",
              "--registry-mirror")
          .asRepeatable();

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "engine",
          "Run or control the bundled engine: run (foreground), status, stop, env.",
          List.of(
              Option.help(),
              DATA_ROOT,
              EXEC_ROOT,
              CGROUP_PARENT,
              NETWORK_PREFIX,
              NETWORK_POOL,
              INSECURE_REGISTRY,
              REGISTRY_CERTS_DIR,
              REGISTRY_MIRROR),
          List.of(new Positional("ACTION", "run, status, stop or env.", 1, 1)));

  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final JcomposeCommand global;
  private final Values line;

  public EngineCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    if (line.positionals().isEmpty()) {
      throw new UserException(
          "engine needs an action: run, status, stop or env", ExitCode.USAGE, null);
    }
    String action = line.positionals().get(0);
    Path socket = socket();
    switch (action) {
      case "run":
        return run(socket);
      case "status":
        return status(socket);
      case "stop":
        return stop(socket);
      case "env":
        global.context().out().println("export DOCKER_HOST=unix://" + socket);
        return ExitCode.OK;
      default:
        throw new UserException(
            "unknown engine action \"" + action + "\": use run, status, stop or env",
            ExitCode.USAGE,
            null);
    }
  }

  private int run(Path socket) throws InterruptedException {
    Path dataRoot = line.value(DATA_ROOT).map(Path::of).orElse(EngineOptions.DEFAULT_DATA_ROOT);
    EngineOptions.HostResources host = hostResources();
    PrintWriter err = global.context().err();
    EngineDaemon daemon;
    try {
      daemon =
          EngineDaemon.start(
              new EngineOptions(socket, dataRoot, ApiVersions.DEFAULT, host, registries()),
              notice -> {
                synchronized (err) {
                  err.println(Instant.now() + " jcompose engine: " + notice);
                  err.flush();
                }
              });
    } catch (EngineFault | UncheckedIOException e) {
      throw new UserException("the engine cannot start: " + e.getMessage());
    }
    Path pidFile = pidFile(socket);
    writePid(pidFile);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  deleteQuietly(pidFile);
                },
                "engine-shutdown"));
    err.println("jcompose engine: serving the Docker API on unix://" + daemon.socketPath());
    err.println("jcompose engine: " + "export DOCKER_HOST=unix://" + daemon.socketPath());
    err.flush();
    daemon.awaitClose();
    return ExitCode.OK;
  }

  /**
   * {@code --insecure-registry}, {@code --registry-certs-dir} and {@code --registry-mirror} over
   * the defaults.
   */
  private RegistrySettings registries() {
    RegistrySettings registries = RegistrySettings.defaults();
    try {
      for (String registry : line.values(INSECURE_REGISTRY)) {
        registries = registries.withInsecureRegistry(registry);
      }
      for (String mirror : line.values(REGISTRY_MIRROR)) {
        registries = registries.withMirror(mirror);
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCode.USAGE, e);
    }
    List<String> certsDirectories = line.values(REGISTRY_CERTS_DIR);
    if (!certsDirectories.isEmpty()) {
      registries =
          registries.withCertsDirectories(certsDirectories.stream().map(Path::of).toList());
    }
    return registries;
  }

  /**
   * {@code --exec-root}, {@code --cgroup-parent}, {@code --network-prefix/-pool} over the defaults.
   */
  private EngineOptions.HostResources hostResources() {
    EngineOptions.HostResources defaults = EngineOptions.HostResources.DEFAULT;
    NetworkSettings networks = defaults.networks();
    try {
      if (line.value(NETWORK_PREFIX).isPresent()) {
        networks = networks.withNamePrefix(line.value(NETWORK_PREFIX).get());
      }
      if (line.value(NETWORK_POOL).isPresent()) {
        networks = networks.withPool(Cidr.parse(line.value(NETWORK_POOL).get()), 24);
      }
      return new EngineOptions.HostResources(
          line.value(EXEC_ROOT).map(Path::of).orElse(defaults.execRoot()),
          line.value(CGROUP_PARENT).orElse(defaults.cgroupParent()),
          networks);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCode.USAGE, e);
    }
  }

  private int status(Path socket) {
    PrintWriter out = global.context().out();
    Optional<String> version = version(socket);
    if (version.isEmpty()) {
      out.println("not running (no engine answers on unix://" + socket + ")");
      return ExitCode.FAILURE;
    }
    String pid = readPid(pidFile(socket)).map(value -> ", pid " + value).orElse("");
    out.println("running on unix://" + socket + pid + ": " + version.get());
    return ExitCode.OK;
  }

  private int stop(Path socket) throws InterruptedException {
    PrintWriter out = global.context().out();
    Optional<Long> pid = readPid(pidFile(socket));
    if (pid.isEmpty() || ProcessHandle.of(pid.get()).isEmpty()) {
      if (version(socket).isPresent()) {
        throw new UserException(
            "an engine answers on unix://"
                + socket
                + " but it was not started by `jcompose engine run` (no pid file); stop it where"
                + " it was started");
      }
      out.println("not running");
      return ExitCode.OK;
    }
    ProcessHandle process = ProcessHandle.of(pid.get()).orElseThrow();
    process.destroy();
    Instant deadline = Instant.now().plus(STOP_WAIT);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    if (process.isAlive()) {
      throw new UserException(
          "the engine (pid " + pid.get() + ") did not stop within " + STOP_WAIT.toSeconds() + "s");
    }
    out.println("stopped (containers keep running; the next engine adopts them)");
    return ExitCode.OK;
  }

  /** {@code -H unix:///path}, else the default socket; other schemes are not the bundled engine. */
  private Path socket() {
    Optional<String> host = global.host();
    if (host.isEmpty()) {
      return EngineOptions.DEFAULT_SOCKET;
    }
    String url = host.get();
    if (!url.startsWith("unix://")) {
      throw new UserException(
          "the bundled engine listens on a unix socket; -H "
              + url
              + " is not one (use unix:///path)",
          ExitCode.USAGE,
          null);
    }
    return Path.of(url.substring("unix://".length()));
  }

  static Path pidFile(Path socket) {
    String name = socket.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return socket.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pid");
  }

  private static void writePid(Path pidFile) {
    try {
      Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()) + "\n");
    } catch (IOException e) {
      throw new UserException(
          "cannot write the engine's pid file " + pidFile + ": " + e.getMessage());
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale pid file names a process that is gone; status and stop check that
    }
  }

  /** The engine's {@code /version} line, if something answers on the socket. */
  private static Optional<String> version(Path socket) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    try (SocketChannel channel = SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
      String request = "GET /version HTTP/1.1\r\nHost: engine\r\nConnection: close\r\n\r\n";
      channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      var response = new StringBuilder();
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        response.append(StandardCharsets.UTF_8.decode(buffer));
        buffer.clear();
      }
      String text = response.toString();
      int body = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 200") || body < 0) {
        return Optional.empty();
      }
      if (!(JsonText.parse(text.substring(body + 4).strip()) instanceof Map<?, ?> version)) {
        return Optional.empty();
      }
      return Optional.of(
          "version " + version.get("Version") + ", API " + version.get("ApiVersion"));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.jcompose.engine.container;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real distribution registry (Debian's {@code docker-registry}, 2.8) of the test's own on
 * 127.0.0.1 (or another address of this host) and a free port, with TLS and basic auth if asked,
 * storing under a temporary directory that {@link #close()} removes with the process.
 */
final class TestRegistry implements AutoCloseable {

  static final Path COMMAND = Path.of("/usr/bin/docker-registry");

  final int port;
  final Path directory;
  private final String address;
  private final Process process;

  private TestRegistry(String address, int port, Path directory, Process process) {
    this.address = address;
    this.port = port;
    this.directory = directory;
    this.process = process;
  }

  /**
   * How a registry is set up.
   *
   * @param address the IPv4 address it listens on
   * @param htpasswdLine the one user that may use it ({@code user:bcrypt}), empty for anyone
   * @param tls its certificate and key (PEM files), empty for plain HTTP
   */
  record Setup(String address, String htpasswdLine, Optional<Tls> tls) {
    static Setup loopback() {
      return new Setup("127.0.0.1", "", Optional.empty());
    }

    Setup on(String newAddress) {
      return new Setup(newAddress, htpasswdLine, tls);
    }

    Setup withBasicAuth(String line) {
      return new Setup(address, line, tls);
    }

    Setup withTls(Path certificate, Path key) {
      return new Setup(address, htpasswdLine, Optional.of(new Tls(certificate, key)));
    }
  }

  record Tls(Path certificate, Path key) {}

  static TestRegistry start() throws IOException, InterruptedException {
    return start(Setup.loopback());
  }

  /** A registry that wants basic credentials from the one user of {@code htpasswdLine}. */
  static TestRegistry startWithBasicAuth(String htpasswdLine)
      throws IOException, InterruptedException {
    return start(Setup.loopback().withBasicAuth(htpasswdLine));
  }

  static TestRegistry start(Setup setup) throws IOException, InterruptedException {
    if (!Files.isExecutable(COMMAND)) {
      throw new AssertionError(COMMAND + " is missing: apt-get install -y docker-registry");
    }
    Path directory = Files.createTempDirectory("jcreg-").toRealPath();
    int port = EngineFixture.freePort();
    Path config = directory.resolve("config.yml");
    String auth = "";
    if (!setup.htpasswdLine().isEmpty()) {
      Path htpasswd = directory.resolve("htpasswd");
      Files.writeString(htpasswd, setup.htpasswdLine() + "\n");
      auth = "auth:\n  htpasswd:\n    realm: jcompose-test\n    path: " + htpasswd + "\n";
    }
    String tls =
        setup
            .tls()
            .map(
                files ->
                    "  tls:\n    certificate: "
                        + files.certificate()
                        + "\n    key: "
                        + files.key()
                        + "\n")
            .orElse("");
    Files.writeString(
        config,
        "version: 0.1\n"
            + "log:\n  level: warn\n"
            + "storage:\n  filesystem:\n    rootdirectory: "
            + directory.resolve("storage")
            + "\n"
            + "http:\n  addr: "
            + setup.address()
            + ":"
            + port
            + "\n"
            + tls
            + auth);
    Process process =
        new ProcessBuilder(COMMAND.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("registry.log").toFile())
            .start();
    var registry = new TestRegistry(setup.address(), port, directory, process);
    try {
      registry.awaitListening();
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** {@code 127.0.0.1:<port>}. */
  String host() {
    return address + ":" + port;
  }

  /** The data file of a blob in the registry's storage. */
  Path blobData(String digest) {
    String hex = digest.substring("sha256:".length());
    return directory.resolve(
        "storage/docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  private void awaitListening() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "docker-registry exited: " + Files.readString(directory.resolve("registry.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("docker-registry does not listen on " + host());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

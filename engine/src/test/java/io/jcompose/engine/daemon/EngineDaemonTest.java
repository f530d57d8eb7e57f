package io.jcompose.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.http.ServerNotice;
import io.jcompose.engine.http.TestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EngineDaemonTest {

  private Path directory;
  private Path socket;
  private Path dataRoot;
  private final List<ServerNotice> notices = new CopyOnWriteArrayList<>();

  @BeforeEach
  void createDirectory() throws IOException {
    directory = Files.createTempDirectory("jce-daemon");
    socket = directory.resolve("run/engine.sock");
    dataRoot = directory.resolve("data");
  }

  @AfterEach
  void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private EngineOptions options() {
    return new EngineOptions(socket, dataRoot, ApiVersions.DEFAULT)
        .withHost(IsolatedHost.in(directory));
  }

  @Test
  void itServesOnASocketOfMode0660AndRemovesItOnClose() throws Exception {
    try (var daemon = EngineDaemon.start(options(), notices::add)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
          .isEqualTo("rw-rw----");
      var ping = TestClient.exchange(socket, TestClient.get("/_ping"));
      assertThat(ping.bodyText()).isEqualTo("OK");
      assertThat(ping.header("Server")).startsWith("jcompose-engine/");
      assertThat(TestClient.exchange(socket, TestClient.get("/volumes")).status()).isEqualTo(200);
      assertThat(TestClient.exchange(socket, TestClient.get("/events?until=1")).status())
          .isEqualTo(200);
      assertThat(dataRoot.resolve("engine-id")).isRegularFile();
    }
    assertThat(socket).doesNotExist();
    assertThat(notices).isEmpty();
  }

  @Test
  void aStaleSocketFileIsReplaced() throws Exception {
    Files.createDirectories(socket.getParent());
    try (var abandoned = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      abandoned.bind(UnixDomainSocketAddress.of(socket));
    }
    assertThat(socket).exists();

    try (var daemon = EngineDaemon.start(options(), notices::add)) {
      assertThat(TestClient.exchange(socket, TestClient.get("/_ping")).status()).isEqualTo(200);
    }
  }

  @Test
  void aSecondEngineOnTheSameSocketIsRefusedAndTheFirstKeepsServing() throws Exception {
    try (var first = EngineDaemon.start(options(), notices::add)) {
      assertThatThrownBy(() -> EngineDaemon.start(options(), notices::add))
          .isInstanceOf(EngineFault.Conflict.class)
          .hasMessageContaining("another engine is listening on " + socket);

      assertThat(TestClient.exchange(socket, TestClient.get("/_ping")).status()).isEqualTo(200);
    }
  }

  @Test
  void aPathThatIsNotASocketIsLeftAlone() throws Exception {
    Files.createDirectories(socket.getParent());
    Files.writeString(socket, "precious");

    assertThatThrownBy(() -> EngineDaemon.start(options(), notices::add))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("is not a socket");
    assertThat(Files.readString(socket)).isEqualTo("precious");
  }

  @Test
  void closingEndsOpenStreams() throws Exception {
    var daemon = EngineDaemon.start(options(), notices::add);
    try (var client = TestClient.connect(socket)) {
      client.send(TestClient.get("/events"));
      assertThat(client.readHead().status()).isEqualTo(200);

      daemon.close();

      assertThat(client.readToEnd()).isEmpty();
    } finally {
      daemon.close();
    }
  }

  @Test
  void mainRunsInTheForegroundUntilSigterm() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    EngineOptions.HostResources host = IsolatedHost.in(directory);
    command.addAll(
        List.of(
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
            "10.240.0.0/16"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      var output = new BufferedReader(new InputStreamReader(process.getInputStream()));
      assertThat(output.readLine())
          .isEqualTo("jcompose-engine: serving the Docker API on unix://" + socket);
      assertThat(TestClient.exchange(socket, TestClient.get("/version")).bodyText())
          .contains("\"ApiVersion\":\"1.44\"");

      process.destroy();

      assertThat(process.waitFor()).isEqualTo(143);
      assertThat(socket).doesNotExist();
    } finally {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}

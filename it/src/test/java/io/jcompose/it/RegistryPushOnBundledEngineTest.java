package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java pushes through the bundled engine started by {@code jcompose engine run
 * --insecure-registry HOST:PORT} to a plain-HTTP registry (Debian's docker-registry 2.8) on an
 * address of this host that is not loopback.
 */
@Timeout(300)
class RegistryPushOnBundledEngineTest {

  @Test
  void dockerJavaPush_toAnInsecureRegistry_putsTheManifest_andAMissingImageFails()
      throws Exception {
    Path directory = Files.createTempDirectory("jce-push-").toRealPath();
    String address = nonLoopbackAddress();
    Process registry = null;
    try {
      int port = freePort();
      registry = startRegistry(directory, address, port);
      String registryHost = address + ":" + port;
      String repository =
          registryHost + "/jcp-" + UUID.randomUUID().toString().substring(0, 8) + "/bb";

      try (BundledEngine engine =
          BundledEngine.start(
              Files.createDirectories(directory.resolve("engine")).resolve("engine.sock"),
              "--insecure-registry",
              registryHost)) {
        engine.importBusybox(repository + ":1");
        DockerClient client = client(engine);
        var items = new ArrayList<PushResponseItem>();
        client
            .pushImageCmd(repository)
            .withTag("1")
            .exec(
                new ResultCallback.Adapter<PushResponseItem>() {
                  @Override
                  public void onNext(PushResponseItem item) {
                    items.add(item);
                  }
                })
            .awaitCompletion(2, TimeUnit.MINUTES);

        assertThat(items).noneMatch(PushResponseItem::isErrorIndicated);
        assertThat(items).extracting(PushResponseItem::getStatus).contains("Pushed");
        HttpResponse<String> manifest =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://"
                                    + registryHost
                                    + "/v2"
                                    + repository.substring(registryHost.length())
                                    + "/manifests/1"))
                        .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
        assertThat(client.inspectImageCmd(repository + ":1").exec().getRepoDigests())
            .contains(
                repository + "@" + manifest.headers().firstValue("Docker-Content-Digest").get());

        assertThatThrownBy(
                () ->
                    client
                        .pushImageCmd(repository)
                        .withTag("missing")
                        .start()
                        .awaitCompletion(2, TimeUnit.MINUTES))
            .hasMessageContaining("tag does not exist");
      }
    } finally {
      if (registry != null) {
        registry.destroy();
        if (!registry.waitFor(30, TimeUnit.SECONDS)) {
          registry.destroyForcibly();
        }
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static DockerClient client(BundledEngine engine) {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(engine.host())
            .build();
    return DockerClientImpl.getInstance(
        config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
  }

  private static Process startRegistry(Path directory, String address, int port) throws Exception {
    Path config = directory.resolve("registry.yml");
    Files.writeString(
        config,
        "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
            + directory.resolve("registry")
            + "\nhttp:\n  addr: "
            + address
            + ":"
            + port
            + "\n");
    Process process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("registry.log").toFile())
            .start();
    for (int attempt = 0; attempt < 300; attempt++) {
      assertThat(process.isAlive()).as("docker-registry exited").isTrue();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), 1000);
        return process;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("docker-registry does not listen on " + address + ":" + port);
  }

  /** An IPv4 address of this host that is not loopback (plain HTTP there is not implicit). */
  private static String nonLoopbackAddress() throws IOException {
    for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
      if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
        continue;
      }
      for (InetAddress address : network.inetAddresses().toList()) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return address.getHostAddress();
        }
      }
    }
    throw new AssertionError("this host has no IPv4 address besides loopback to test with");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

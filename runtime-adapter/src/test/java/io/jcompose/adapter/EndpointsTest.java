package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.adapter.testing.FakeDaemon;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

  private static final Duration PROBE = Duration.ofMillis(500);

  @TempDir Path home;

  private Path silentSocket() {
    return home.resolve("no-daemon.sock");
  }

  private Endpoint resolve(
      Optional<String> host,
      Optional<String> context,
      EngineChoice engine,
      Map<String, String> env) {
    var environment = new HashMap<>(env);
    environment.putIfAbsent("HOME", home.toString());
    return Endpoints.resolve(
        new EndpointRequest(host, context, engine, environment), silentSocket(), PROBE);
  }

  private Endpoint resolve(Map<String, String> env) {
    return resolve(Optional.empty(), Optional.empty(), EngineChoice.AUTO, env);
  }

  @Test
  void hostFlag_winsOverDockerHost() {
    Endpoint endpoint =
        resolve(
            Optional.of("unix:///tmp/flag.sock"),
            Optional.empty(),
            EngineChoice.AUTO,
            Map.of("DOCKER_HOST", "unix:///tmp/env.sock"));

    assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///tmp/flag.sock"));
    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.HOST_FLAG);
    assertThat(endpoint.tls()).isEmpty();
  }

  @Test
  void dockerHost_tcpWithoutPortGetsThePlainDockerPort() {
    Endpoint endpoint = resolve(Map.of("DOCKER_HOST", "tcp://build-host"));

    assertThat(endpoint.uri()).isEqualTo(URI.create("tcp://build-host:2375"));
    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.DOCKER_HOST);
    assertThat(endpoint.tls()).isEmpty();
  }

  @Test
  void dockerHost_withTlsVerifyUsesTheTlsPortAndTheDockerDirectory() {
    Endpoint endpoint =
        resolve(Map.of("DOCKER_HOST", "tcp://build-host", "DOCKER_TLS_VERIFY", "1"));

    assertThat(endpoint.uri()).isEqualTo(URI.create("tcp://build-host:2376"));
    assertThat(endpoint.tls()).contains(new Endpoint.Tls(home.resolve(".docker"), true));
  }

  @Test
  void dockerHost_withOnlyACertPathUsesTlsWithoutVerifying() {
    Endpoint endpoint =
        resolve(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_CERT_PATH", "/certs"));

    assertThat(endpoint.uri()).isEqualTo(URI.create("tcp://10.0.0.5:2376"));
    assertThat(endpoint.tls()).contains(new Endpoint.Tls(Path.of("/certs"), false));
  }

  @Test
  void host_withAnUnknownSchemeIsRefusedQuotingIt() {
    assertThatThrownBy(() -> resolve(Map.of("DOCKER_HOST", "foo://x")))
        .isInstanceOf(NoEndpointException.class)
        .hasMessageContaining("DOCKER_HOST")
        .hasMessageContaining("foo://x");
  }

  @Test
  void host_ssh_isRefusedAsNotSupportedYet() {
    assertThatThrownBy(
            () ->
                resolve(
                    Optional.of("ssh://me@remote"), Optional.empty(), EngineChoice.AUTO, Map.of()))
        .isInstanceOf(NoEndpointException.class)
        .hasMessageContaining("ssh endpoints are not supported yet");
  }

  @Test
  void context_currentContextInConfigJsonNamesTheEndpointAndItsTls() throws IOException {
    Path config = home.resolve(".docker");
    String key = writeContext(config, "remote", "tcp://remote.example:2376", true);
    Path tls = Files.createDirectories(config.resolve("contexts/tls/" + key + "/docker"));
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"remote\"}");

    Endpoint endpoint = resolve(Map.of());

    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.CONTEXT);
    assertThat(endpoint.uri()).isEqualTo(URI.create("tcp://remote.example:2376"));
    assertThat(endpoint.tls()).contains(new Endpoint.Tls(tls, false));
  }

  @Test
  void context_flagWinsOverDockerContextAndReadsDockerConfig() throws IOException {
    Path config = home.resolve("elsewhere");
    writeContext(config, "flagged", "unix:///tmp/flagged.sock", false);
    writeContext(config, "from-env", "unix:///tmp/env.sock", false);

    Endpoint endpoint =
        resolve(
            Optional.empty(),
            Optional.of("flagged"),
            EngineChoice.AUTO,
            Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "from-env"));

    assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///tmp/flagged.sock"));
    assertThat(endpoint.tls()).isEmpty();
  }

  @Test
  void context_missingIsRefusedNamingIt() {
    assertThatThrownBy(() -> resolve(Map.of("DOCKER_CONTEXT", "gone")))
        .isInstanceOf(NoEndpointException.class)
        .hasMessageContaining("\"gone\"")
        .hasMessageContaining("DOCKER_CONTEXT");
  }

  @Test
  void context_defaultMeansNoContext() throws IOException {
    Path config = Files.createDirectories(home.resolve(".docker"));
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"default\"}");

    assertThat(resolve(Map.of()).origin()).isEqualTo(Endpoint.Origin.BUNDLED);
  }

  @Test
  void defaultSocket_isUsedWhenItAnswersAPing() throws IOException {
    Path socket = home.resolve("docker.sock");
    try (var daemon = FakeDaemon.start(socket, Map.of("/_ping", FakeDaemon.ping("1.44")))) {
      Endpoint endpoint =
          Endpoints.resolve(
              new EndpointRequest(
                  Optional.empty(),
                  Optional.empty(),
                  EngineChoice.DOCKER,
                  Map.of("HOME", home.toString())),
              socket,
              PROBE);

      assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.DEFAULT_SOCKET);
      assertThat(endpoint.socketPath()).contains(socket);
    }
  }

  @Test
  void auto_withNothingAnsweringIsTheBundledEngine() {
    Endpoint endpoint = resolve(Map.of());

    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.BUNDLED);
    assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///run/jcompose/engine.sock"));
  }

  @Test
  void docker_withNothingAnsweringIsRefusedSayingWhatWasTried() {
    assertThatThrownBy(
            () -> resolve(Optional.empty(), Optional.empty(), EngineChoice.DOCKER, Map.of()))
        .isInstanceOf(NoEndpointException.class)
        .hasMessageContaining("DOCKER_HOST unset")
        .hasMessageContaining(silentSocket().toString())
        .hasMessageContaining("--engine bundled");
  }

  @Test
  void bundled_ignoresDockerHostAndTakesJcomposeEngineHost() {
    Endpoint endpoint =
        resolve(
            Optional.empty(),
            Optional.empty(),
            EngineChoice.BUNDLED,
            Map.of(
                "DOCKER_HOST", "unix:///tmp/docker.sock",
                "JCOMPOSE_ENGINE_HOST", "unix:///tmp/engine.sock"));

    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.BUNDLED);
    assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///tmp/engine.sock"));
  }

  @Test
  void bundled_takesAUnixHostFlag() {
    Endpoint endpoint =
        resolve(
            Optional.of("unix:///tmp/mine.sock"), Optional.empty(), EngineChoice.BUNDLED, Map.of());

    assertThat(endpoint.origin()).isEqualTo(Endpoint.Origin.BUNDLED);
    assertThat(endpoint.uri()).isEqualTo(URI.create("unix:///tmp/mine.sock"));
  }

  /** Writes a context's meta.json and returns the sha256 directory name. */
  private static String writeContext(Path config, String name, String host, boolean skipVerify)
      throws IOException {
    String key = DockerContexts.sha256(name);
    Path meta = Files.createDirectories(config.resolve("contexts/meta/" + key));
    Files.writeString(
        meta.resolve("meta.json"),
        "{\"Name\":\""
            + name
            + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
            + host
            + "\",\"SkipTLSVerify\":"
            + skipVerify
            + "}}}");
    return key;
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.registry.RegistrySettings;
import io.jcompose.engine.testimage.BusyboxImage;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The docker CLI pushes from the engine to real registries (docker-registry 2.8): plain HTTP on
 * loopback (the suites' registry, started by scripts/test.sh), TLS with a CA of the test's own and
 * basic auth, plain HTTP on another address of this host only with {@code --insecure-registry};
 * what was pushed is pulled back (by the engine, and by the session's dockerd) and runs.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPushTest {

  private static final String USER = "jcuser";
  private static final String PASSWORD = "jc-secret-1";
  private static final String HTPASSWD =
      USER + ":$2b$12$e1T20BNcHV2Sja.dU0dec.2BYWUlT5AQb3GwpDdMDFi1.3dZkYM4G";
  private static final Pattern PUSHED_DIGEST =
      Pattern.compile("1: digest: (sha256:[0-9a-f]{64}) size: [0-9]+");
  private static final String LOCAL = "jcpush/busybox:1";

  /** The suites' registry on loopback, started by scripts/test.sh: {@code 127.0.0.1:PORT}. */
  private String registry;

  private EngineFixture engine;
  private Path work;
  private Path certsDirectory;
  private String namespace;

  @BeforeAll
  void startRegistryAndEngine() throws Exception {
    registry = System.getenv("JCOMPOSE_TEST_REGISTRY");
    assertThat(registry).as("JCOMPOSE_TEST_REGISTRY (set by scripts/test.sh)").isNotBlank();
    namespace = "jcp-" + UUID.randomUUID().toString().substring(0, 8);
    work = Files.createTempDirectory("jcpush-").toRealPath();
    certsDirectory = work.resolve("certs.d");
    Files.createDirectories(certsDirectory);
    engine = EngineFixture.create();
    engine.start(settings());
    load(BusyboxImage.create().tags(LOCAL));
  }

  @AfterAll
  void stopEverything() throws Exception {
    try {
      if (engine != null) {
        engine.closeLeavingNothing();
      }
    } finally {
      deleteTree(work);
    }
  }

  @Test
  void push_toALoopbackRegistry_isPulledBackByTheEngineAndByDockerd_andRuns() throws Exception {
    String reference = registry + "/" + namespace + "/busybox:1";
    assertThat(engine.docker("tag", LOCAL, reference).exitCode()).isZero();

    DockerCli.Run push = engine.docker("push", reference);

    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(push.stdout())
        .contains("The push refers to repository [" + reference.replace(":1", "") + "]")
        .contains("Pushed");
    String digest = pushedDigest(push);
    assertThat(repoDigests(reference)).contains(reference.replace(":1", "") + "@" + digest);
    DockerCli.Run again = engine.docker("push", reference);
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.stdout()).contains("Layer already exists").contains("digest: " + digest);

    assertThat(engine.docker("rmi", reference).exitCode()).isZero();
    DockerCli.Run pull = engine.docker("pull", reference);
    assertThat(pull.exitCode()).as(pull.toString()).isZero();
    assertThat(pull.stdout()).contains("Digest: " + digest);
    assertRuns(engine.docker("run", "--rm", reference, "echo", "pushed"));

    DockerCli dockerd = new DockerCli(dockerdSocket(), work);
    try {
      DockerCli.Run dockerdPull = dockerd.run("pull", reference);
      assertThat(dockerdPull.exitCode()).as(dockerdPull.toString()).isZero();
      assertThat(dockerdPull.stdout()).contains("Digest: " + digest);
      assertRuns(dockerd.run("run", "--rm", reference, "echo", "pushed"));
    } finally {
      dockerd.run("rmi", reference);
    }
  }

  @Test
  void pushOfAnImageTheEngineDoesNotHave_saysSoLikeDockerd() throws Exception {
    String repository = registry + "/" + namespace + "/absent";

    DockerCli.Run push = engine.docker("push", repository + ":1");

    assertThat(push.exitCode()).isOne();
    assertThat(push.stderr())
        .contains("An image does not exist locally with the tag: " + repository);
    assertThat(engine.docker("tag", LOCAL, repository + ":1").exitCode()).isZero();
    DockerCli.Run otherTag = engine.docker("push", repository + ":2");
    assertThat(otherTag.exitCode()).isOne();
    assertThat(otherTag.stderr()).contains("tag does not exist: " + repository + ":2");
  }

  @Test
  void pushStream_hasDockerdsLines_fromPreparingToTheAuxDigest() throws Exception {
    String repository = registry + "/" + namespace + "/stream";
    assertThat(engine.docker("tag", LOCAL, repository + ":1").exitCode()).isZero();

    EngineFixture.Reply reply = engine.post("/v1.44/images/" + repository + "/push?tag=1");

    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : reply.body().split("\r?\n")) {
      if (!line.isBlank()) {
        lines.add(EngineFixture.JSON.readTree(line));
      }
    }
    assertThat(lines.get(0).path("status").asText())
        .isEqualTo("The push refers to repository [" + repository + "]");
    assertThat(lines)
        .anySatisfy(
            line -> {
              assertThat(line.path("status").asText()).isEqualTo("Preparing");
              assertThat(line.path("id").asText()).matches("[0-9a-f]{12}");
            })
        .anySatisfy(
            line -> {
              assertThat(line.path("status").asText()).isEqualTo("Pushing");
              assertThat(line.path("progressDetail").path("total").asLong()).isPositive();
            })
        .anySatisfy(line -> assertThat(line.path("status").asText()).isEqualTo("Pushed"))
        .noneSatisfy(line -> assertThat(line.has("error")).isTrue());
    JsonNode summary = lines.get(lines.size() - 2);
    JsonNode aux = lines.get(lines.size() - 1).path("aux");
    assertThat(summary.path("status").asText())
        .matches("1: digest: sha256:[0-9a-f]{64} size: [0-9]+");
    assertThat(aux.path("Tag").asText()).isEqualTo("1");
    assertThat(summary.path("status").asText())
        .isEqualTo(
            "1: digest: " + aux.path("Digest").asText() + " size: " + aux.path("Size").asLong());
    String filters =
        java.net.URLEncoder.encode(
            "{\"type\":[\"image\"],\"event\":[\"push\"]}", StandardCharsets.UTF_8);
    EngineFixture.Reply events =
        engine.get(
            "/v1.44/events?since=0&until="
                + (java.time.Instant.now().getEpochSecond() + 1)
                + "&filters="
                + filters);
    assertThat(events.body()).contains("\"Action\":\"push\"").contains(repository + ":1");
  }

  @Test
  void pushAndPull_overTlsWithBasicAuth_needTheRegistrysCaAndTheRightPassword() throws Exception {
    TestCertificates certificates = TestCertificates.create(work.resolve("tls"));
    Path cliConfig = engine.directory.resolve("cli-config").resolve("config.json");
    try (TestRegistry secure =
        TestRegistry.start(
            TestRegistry.Setup.loopback()
                .withBasicAuth(HTPASSWD)
                .withTls(certificates.certificate(), certificates.key()))) {
      String reference = secure.host() + "/" + namespace + "/private:1";
      assertThat(engine.docker("tag", LOCAL, reference).exitCode()).isZero();
      login(cliConfig, secure.host(), PASSWORD);

      DockerCli.Run untrusted = engine.docker("pull", reference);
      assertThat(untrusted.exitCode()).isOne();
      assertThat(untrusted.stderr()).contains("x509: certificate signed by unknown authority");
      DockerCli.Run untrustedPush = engine.docker("push", reference);
      assertThat(untrustedPush.exitCode()).isOne();
      assertThat(untrustedPush.stderr()).contains("x509: certificate signed by unknown authority");

      Path trusted = certsDirectory.resolve(secure.host());
      Files.createDirectories(trusted);
      Files.copy(certificates.authority(), trusted.resolve("ca.crt"));
      login(cliConfig, secure.host(), "not-the-password");
      DockerCli.Run refused = engine.docker("push", reference);
      assertThat(refused.exitCode()).isOne();
      assertThat(refused.stderr()).contains("unauthorized");

      login(cliConfig, secure.host(), PASSWORD);
      DockerCli.Run push = engine.docker("push", reference);
      assertThat(push.exitCode()).as(push.toString()).isZero();
      String digest = pushedDigest(push);
      assertThat(engine.docker("rmi", reference).exitCode()).isZero();
      DockerCli.Run pull = engine.docker("pull", reference);
      assertThat(pull.exitCode()).as(pull.toString()).isZero();
      assertThat(pull.stdout()).contains("Digest: " + digest);
      assertRuns(engine.docker("run", "--rm", reference, "echo", "pushed"));
    } finally {
      Files.deleteIfExists(cliConfig);
    }
  }

  @Test
  void pullOfAManifestList_picksThisMachinesPlatform_orTheOneAskedFor() throws Exception {
    String repository = registry + "/" + namespace + "/multi";
    load(BusyboxImage.create().tags("jcpush/arm:1").architecture("arm64"));
    assertThat(engine.docker("tag", LOCAL, repository + ":amd64").exitCode()).isZero();
    assertThat(engine.docker("tag", "jcpush/arm:1", repository + ":arm64").exitCode()).isZero();
    for (String tag : List.of("amd64", "arm64")) {
      DockerCli.Run push = engine.docker("push", repository + ":" + tag);
      assertThat(push.exitCode()).as(push.toString()).isZero();
    }
    putManifestList(repository, "multi");
    assertThat(engine.docker("rmi", repository + ":amd64", repository + ":arm64").exitCode())
        .isZero();

    DockerCli.Run pull = engine.docker("pull", repository + ":multi");
    assertThat(pull.exitCode()).as(pull.toString()).isZero();
    assertThat(architecture(repository + ":multi")).isEqualTo("amd64");
    assertThat(engine.docker("rmi", repository + ":multi").exitCode()).isZero();
    DockerCli.Run arm = engine.docker("pull", "--platform", "linux/arm64", repository + ":multi");
    assertThat(arm.exitCode()).as(arm.toString()).isZero();
    assertThat(architecture(repository + ":multi")).isEqualTo("arm64");
  }

  @Test
  void registriesOnAnotherAddress_needInsecureRegistry_forPlainHttpOrAnUntrustedCertificate()
      throws Exception {
    String address = nonLoopbackAddress();
    TestCertificates certificates = TestCertificates.create(work.resolve("insecure-tls"));
    try (TestRegistry plain = TestRegistry.start(TestRegistry.Setup.loopback().on(address));
        TestRegistry untrusted =
            TestRegistry.start(
                TestRegistry.Setup.loopback()
                    .on(address)
                    .withTls(certificates.certificate(), certificates.key()))) {
      String plainReference = plain.host() + "/" + namespace + "/plain:1";
      String tlsReference = untrusted.host() + "/" + namespace + "/tls:1";
      for (String reference : List.of(plainReference, tlsReference)) {
        assertThat(engine.docker("tag", LOCAL, reference).exitCode()).isZero();
      }

      DockerCli.Run refused = engine.docker("push", plainReference);
      assertThat(refused.exitCode()).isOne();
      assertThat(refused.stderr())
          .contains("server gave HTTP response to HTTPS client")
          .contains("--insecure-registry " + plain.host());
      DockerCli.Run unverified = engine.docker("pull", tlsReference);
      assertThat(unverified.exitCode()).isOne();
      assertThat(unverified.stderr()).contains("x509: certificate signed by unknown authority");

      engine.stop();
      engine.start(
          settings().withInsecureRegistry(plain.host()).withInsecureRegistry(untrusted.host()));
      try {
        for (String reference : List.of(plainReference, tlsReference)) {
          DockerCli.Run push = engine.docker("push", reference);
          assertThat(push.exitCode()).as(push.toString()).isZero();
          assertThat(engine.docker("rmi", reference).exitCode()).isZero();
          DockerCli.Run pull = engine.docker("pull", reference);
          assertThat(pull.exitCode()).as(pull.toString()).isZero();
          assertRuns(engine.docker("run", "--rm", reference, "echo", "pushed"));
        }
        assertThat(untrusted.blobData(pushedConfig(tlsReference))).exists();
        DockerCli.Run info =
            engine.docker("info", "--format", "{{json .RegistryConfig.IndexConfigs}}");
        assertThat(info.stdout()).contains("\"" + plain.host() + "\"").contains("\"Secure\":false");
      } finally {
        engine.stop();
        engine.start(settings());
      }
    }
  }

  @Test
  void pushOfAllTags_pushesEachTagOfTheRepository() throws Exception {
    String repository = registry + "/" + namespace + "/alltags";
    for (String tag : List.of("a", "b")) {
      assertThat(engine.docker("tag", LOCAL, repository + ":" + tag).exitCode()).isZero();
    }

    DockerCli.Run push = engine.docker("push", "--all-tags", repository);

    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(push.stdout()).contains("a: digest: sha256:").contains("b: digest: sha256:");
  }

  @Test
  void pullWaitingOnItsRegistry_doesNotHoldUpOtherImageChanges() throws Exception {
    String repository = registry + "/" + namespace + "/noisy";
    byte[] noise = new byte[600 * 1024];
    new java.security.SecureRandom().nextBytes(noise);
    load(
        BusyboxImage.create()
            .tags(repository + ":1")
            .layer(
                io.jcompose.engine.testimage.LayerTar.create()
                    .file("noise", noise, 0644)
                    .toByteArray()));
    DockerCli.Run push = engine.docker("push", repository + ":1");
    assertThat(push.exitCode()).as(push.toString()).isZero();
    assertThat(engine.docker("rmi", repository + ":1").exitCode()).isZero();

    try (FaultyProxy proxy =
        FaultyProxy.stalling(
            Integer.parseInt(registry.substring(registry.lastIndexOf(':') + 1)),
            noise.length / 2)) {
      String reference = "127.0.0.1:" + proxy.port() + "/" + namespace + "/noisy:1";
      var pull =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return engine.docker("pull", reference);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });
      proxy.awaitStalled();

      DockerCli.Run tag = engine.docker("tag", LOCAL, "jcpush/during-pull:1");
      assertThat(tag.exitCode()).as(tag.toString()).isZero();
      assertThat(pull).isNotDone();
      proxy.release();

      DockerCli.Run pulled = pull.get();
      assertThat(pulled.exitCode()).as(pulled.toString()).isZero();
      DockerCli.Run run = engine.docker("run", "--rm", reference, "ls", "-l", "/noise");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stdout()).contains(" " + noise.length + " ");
    }
  }

  // ---- helpers ----

  private RegistrySettings settings() {
    return RegistrySettings.defaults().withCertsDirectories(List.of(certsDirectory));
  }

  private void load(BusyboxImage image) throws Exception {
    Path archive = Files.createTempFile(work, "image", ".tar");
    try {
      Files.write(archive, image.dockerArchive());
      DockerCli.Run load = engine.docker("load", "-i", archive.toString());
      assertThat(load.exitCode()).as(load.toString()).isZero();
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  private static void assertRuns(DockerCli.Run run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("pushed\n");
  }

  private static String pushedDigest(DockerCli.Run push) {
    Matcher digest = PUSHED_DIGEST.matcher(push.stdout());
    assertThat(digest.find()).as(push.stdout()).isTrue();
    return digest.group(1);
  }

  private List<String> repoDigests(String reference) throws Exception {
    DockerCli.Run inspect =
        engine.docker("image", "inspect", "--format", "{{json .RepoDigests}}", reference);
    assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
    var digests = new java.util.ArrayList<String>();
    EngineFixture.JSON.readTree(inspect.stdout()).forEach(node -> digests.add(node.asText()));
    return digests;
  }

  /** The config digest (the image id) of a local image. */
  private String pushedConfig(String reference) throws Exception {
    DockerCli.Run inspect = engine.docker("image", "inspect", "--format", "{{.Id}}", reference);
    assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
    return inspect.stdout().strip();
  }

  private String architecture(String reference) throws Exception {
    DockerCli.Run inspect =
        engine.docker("image", "inspect", "--format", "{{.Architecture}}", reference);
    assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
    return inspect.stdout().strip();
  }

  /** What {@code docker login} leaves in the CLI's config: the registry's basic credentials. */
  private static void login(Path cliConfig, String host, String password) throws IOException {
    Files.createDirectories(cliConfig.getParent());
    String auth =
        Base64.getEncoder()
            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(cliConfig, "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  /** PUTs a docker manifest list of the repository's amd64 and arm64 tags under {@code tag}. */
  private void putManifestList(String repository, String tag) throws Exception {
    String path = repository.substring(registry.length());
    HttpClient client = HttpClient.newHttpClient();
    var entries = new StringBuilder();
    for (String architecture : List.of("amd64", "arm64")) {
      HttpResponse<byte[]> manifest =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://" + registry + "/v2" + path + "/manifests/" + architecture))
                  .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(manifest.statusCode()).isEqualTo(200);
      String digest = manifest.headers().firstValue("Docker-Content-Digest").orElseThrow();
      if (entries.length() > 0) {
        entries.append(',');
      }
      entries
          .append("{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\",")
          .append("\"size\":")
          .append(manifest.body().length)
          .append(",\"digest\":\"")
          .append(digest)
          .append("\",\"platform\":{\"architecture\":\"")
          .append(architecture)
          .append("\",\"os\":\"linux\"}}");
    }
    String list =
        "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.docker.distribution.manifest.list.v2+json\",\"manifests\":["
            + entries
            + "]}";
    HttpResponse<String> put =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + registry + "/v2" + path + "/manifests/" + tag))
                .header("Content-Type", "application/vnd.docker.distribution.manifest.list.v2+json")
                .PUT(HttpRequest.BodyPublishers.ofString(list))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
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

  private static Path dockerdSocket() {
    String host = System.getenv("JCOMPOSE_TEST_DOCKER_HOST");
    if (host == null || !host.startsWith("unix://")) {
      throw new AssertionError(
          "JCOMPOSE_TEST_DOCKER_HOST (a unix:// dockerd) is not set: run through scripts/test.sh");
    }
    return Path.of(host.substring("unix://".length()));
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.LayerTar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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
 * The docker CLI pulls from a real registry (docker-registry 2.8 on loopback, filled by the
 * session's dockerd with {@code docker push}) through the engine.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPullCliTest {

  private static final String USER = "jcuser";
  private static final String PASSWORD = "jc-secret-1";
  private static final String HTPASSWD =
      USER + ":$2b$12$e1T20BNcHV2Sja.dU0dec.2BYWUlT5AQb3GwpDdMDFi1.3dZkYM4G";
  private static final int NOISE_BYTES = 600 * 1024;
  private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

  private TestRegistry registry;
  private EngineFixture engine;
  private DockerCli dockerd;
  private Path dockerdWork;
  private String repository;
  private String pushedDigest;
  private String corruptRepository;
  private String flakyRepository;
  private String brokenRepository;

  @BeforeAll
  void pushImagesAndStartEngine() throws Exception {
    registry = TestRegistry.start();
    String namespace = registry.host() + "/jcr-" + UUID.randomUUID().toString().substring(0, 8);
    repository = namespace + "/busybox";
    corruptRepository = namespace + "/corrupt";
    dockerdWork = Files.createTempDirectory("jcreg-cli-");
    dockerd = new DockerCli(dockerdSocket(), dockerdWork);
    pushedDigest = push(BusyboxImage.create().tags(repository + ":1"), repository + ":1");
    push(
        BusyboxImage.create()
            .tags(corruptRepository + ":1")
            .layer(LayerTar.create().file("marker", UUID.randomUUID().toString()).toByteArray()),
        corruptRepository + ":1");
    flakyRepository = namespace + "/flaky";
    brokenRepository = namespace + "/broken";
    for (String noisy : new String[] {flakyRepository, brokenRepository}) {
      push(
          BusyboxImage.create()
              .tags(noisy + ":1")
              .layer(LayerTar.create().file("noise", randomBytes(NOISE_BYTES), 0644).toByteArray()),
          noisy + ":1");
    }
    engine = EngineFixture.create();
    engine.start();
  }

  @AfterAll
  void stopEverything() throws Exception {
    try {
      if (engine != null) {
        engine.closeLeavingNothing();
      }
    } finally {
      if (registry != null) {
        registry.close();
      }
      if (dockerdWork != null) {
        try (Stream<Path> paths = Files.walk(dockerdWork)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  @Test
  void pull_storesAnImageThatRuns_listsItsDigest_andASecondPullIsUpToDate() throws Exception {
    DockerCli.Run pull = engine.docker("pull", repository + ":1");

    assertThat(pull.exitCode()).as(pull.stderr()).isZero();
    assertThat(pull.stdout())
        .contains("1: Pulling from " + repository.substring(registry.host().length() + 1))
        .contains("Pull complete")
        .contains("Digest: " + pushedDigest)
        .contains("Status: Downloaded newer image for " + repository + ":1");
    DockerCli.Run run = engine.docker("run", "--rm", repository + ":1", "echo", "hi");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("hi\n");
    assertThat(
            engine
                .docker("images", "--digests", "--format", "{{.Repository}}:{{.Tag}} {{.Digest}}")
                .stdout())
        .contains(repository + ":1 " + pushedDigest);

    DockerCli.Run again = engine.docker("pull", repository + ":1");
    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(again.stdout()).contains("Status: Image is up to date for " + repository + ":1");
  }

  @Test
  void pullOfAMissingTag_failsWithDockersNotFoundError() throws Exception {
    DockerCli.Run pull = engine.docker("pull", repository + ":missing");

    assertThat(pull.exitCode()).isOne();
    assertThat(pull.stderr())
        .contains("manifest for " + repository + ":missing not found: manifest unknown");
  }

  @Test
  void pullOfACorruptedLayer_isRefused_andStoresNothing() throws Exception {
    String layer = lastLayerDigest(corruptRepository, "1");
    Files.writeString(registry.blobData(layer), "not the layer that was pushed");
    Set<String> blobsBefore = blobs();

    DockerCli.Run pull = engine.docker("pull", corruptRepository + ":1");

    assertThat(pull.exitCode()).isOne();
    assertThat(pull.stderr()).contains("verification failed").contains(layer);
    assertThat(engine.docker("images", "-q", corruptRepository).stdout()).isEmpty();
    assertThat(blobs()).isEqualTo(blobsBefore);
    assertThat(engine.dataRoot.resolve("content/ingest")).isEmptyDirectory();
  }

  @Test
  void pullOverALinkThatBreaks_resumesEachLayerWhereItBroke() throws Exception {
    long largestLayer = largestLayerSize(flakyRepository, "1");
    try (FaultyProxy proxy = FaultyProxy.cutting(registry.port, largestLayer / 2 + 4096)) {
      String reference = viaProxy(flakyRepository, proxy) + ":1";

      DockerCli.Run pull = engine.docker("pull", reference);

      assertThat(pull.exitCode()).as(pull.stderr()).isZero();
      assertThat(proxy.cuts()).isPositive();
      DockerCli.Run run = engine.docker("run", "--rm", reference, "ls", "-l", "/noise");
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.stdout()).contains(" " + NOISE_BYTES + " ");
    }
  }

  @Test
  void pullOverALinkThatKeepsBreaking_givesUpAfterThreeResumes_andStoresNothing() throws Exception {
    long layerSize = lastLayer(brokenRepository, "1").path("size").asLong();
    try (FaultyProxy proxy = FaultyProxy.cutting(registry.port, layerSize / 8)) {
      String reference = viaProxy(brokenRepository, proxy) + ":1";
      Set<String> blobsBefore = blobs();

      DockerCli.Run pull = engine.docker("pull", reference);

      assertThat(pull.exitCode()).isOne();
      assertThat(pull.stderr()).contains("the connection broke after 3 resumed attempts");
      assertThat(engine.docker("images", "-q", reference).stdout()).isEmpty();
      assertThat(blobs()).isEqualTo(blobsBefore);
    }
  }

  @Test
  void pullFromARegistryWithBasicAuth_isUnauthorizedWithoutCredentials_andWorksWithThem()
      throws Exception {
    Path cliConfig = engine.directory.resolve("cli-config").resolve("config.json");
    try (TestRegistry guarded = TestRegistry.startWithBasicAuth(HTPASSWD)) {
      String reference =
          guarded.host() + "/jcr-" + UUID.randomUUID().toString().substring(0, 8) + "/private:1";
      DockerCli.Run login = dockerd.run("login", "-u", USER, "-p", PASSWORD, guarded.host());
      assertThat(login.exitCode()).as(login.stderr()).isZero();
      try {
        push(BusyboxImage.create().tags(reference), reference);
      } finally {
        dockerd.run("logout", guarded.host());
      }

      DockerCli.Run anonymous = engine.docker("pull", reference);
      assertThat(anonymous.exitCode()).isOne();
      assertThat(anonymous.stderr()).contains("unauthorized");

      Files.createDirectories(cliConfig.getParent());
      String auth =
          java.util.Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          cliConfig, "{\"auths\":{\"" + guarded.host() + "\":{\"auth\":\"" + auth + "\"}}}");
      DockerCli.Run pull = engine.docker("pull", reference);
      assertThat(pull.exitCode()).as(pull.stderr()).isZero();
      assertThat(pull.stdout()).contains("Status: Downloaded newer image for " + reference);
    } finally {
      Files.deleteIfExists(cliConfig);
    }
  }

  private String viaProxy(String repositoryName, FaultyProxy proxy) {
    return "127.0.0.1:" + proxy.port() + repositoryName.substring(registry.host().length());
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private String push(BusyboxImage image, String reference) throws Exception {
    Path archive = dockerdWork.resolve("image.tar");
    Files.write(archive, image.dockerArchive());
    try {
      DockerCli.Run load = dockerd.run("load", "-i", archive.toString());
      assertThat(load.exitCode()).as(load.stderr()).isZero();
      DockerCli.Run push = dockerd.run("push", reference);
      assertThat(push.exitCode()).as(push.stderr()).isZero();
      Matcher digest = PUSHED_DIGEST.matcher(push.stdout());
      assertThat(digest.find()).as(push.stdout()).isTrue();
      return digest.group(1);
    } finally {
      dockerd.run("rmi", reference);
      Files.deleteIfExists(archive);
    }
  }

  private String lastLayerDigest(String repositoryName, String tag)
      throws IOException, InterruptedException {
    return lastLayer(repositoryName, tag).path("digest").asText();
  }

  private long largestLayerSize(String repositoryName, String tag)
      throws IOException, InterruptedException {
    long largest = 0;
    for (JsonNode layer : manifest(repositoryName, tag).path("layers")) {
      largest = Math.max(largest, layer.path("size").asLong());
    }
    return largest;
  }

  private JsonNode lastLayer(String repositoryName, String tag)
      throws IOException, InterruptedException {
    JsonNode layers = manifest(repositoryName, tag).path("layers");
    return layers.get(layers.size() - 1);
  }

  private JsonNode manifest(String repositoryName, String tag)
      throws IOException, InterruptedException {
    String path = repositoryName.substring(registry.host().length());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + registry.host() + "/v2" + path + "/manifests/" + tag))
                    .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return EngineFixture.JSON.readTree(response.body());
  }

  private Set<String> blobs() throws IOException {
    try (Stream<Path> files = Files.list(engine.dataRoot.resolve("content/blobs/sha256"))) {
      return new HashSet<>(files.map(file -> file.getFileName().toString()).toList());
    }
  }

  private static Path dockerdSocket() {
    String host = System.getenv("JCOMPOSE_TEST_DOCKER_HOST");
    if (host == null || !host.startsWith("unix://")) {
      throw new AssertionError(
          "JCOMPOSE_TEST_DOCKER_HOST (a unix:// dockerd) is not set: run through scripts/test.sh");
    }
    return Path.of(host.substring("unix://".length()));
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.testimage.BusyboxImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code FROM} an image the engine lacks pulls it, with the credentials the docker CLI sends in
 * {@code X-Registry-Config} (a real docker-registry 2.8 with basic auth on loopback, filled by the
 * session's dockerd).
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildPullCliTest {

  private static final String USER = "jcuser";
  private static final String PASSWORD = "jc-secret-1";
  private static final String HTPASSWD =
      USER + ":$2b$12$e1T20BNcHV2Sja.dU0dec.2BYWUlT5AQb3GwpDdMDFi1.3dZkYM4G";

  private TestRegistry registry;
  private EngineFixture engine;
  private Path dockerdWork;
  private String reference;

  @BeforeAll
  void pushAnImageAndStartTheEngine() throws Exception {
    registry = TestRegistry.startWithBasicAuth(HTPASSWD);
    reference =
        registry.host() + "/jcb-" + UUID.randomUUID().toString().substring(0, 8) + "/base:1";
    dockerdWork = Files.createTempDirectory("jcbuild-pull-");
    var dockerd = new DockerCli(dockerdSocket(), dockerdWork);
    Path archive = dockerdWork.resolve("image.tar");
    Files.write(archive, BusyboxImage.create().tags(reference).dockerArchive());
    assertThat(dockerd.run("load", "-i", archive.toString()).exitCode()).isZero();
    try {
      assertThat(dockerd.run("login", "-u", USER, "-p", PASSWORD, registry.host()).exitCode())
          .isZero();
      DockerCli.Run push = dockerd.run("push", reference);
      assertThat(push.exitCode()).as(push.stderr()).isZero();
    } finally {
      dockerd.run("logout", registry.host());
      dockerd.run("rmi", reference);
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
          paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  @Test
  void fromAMissingImage_pullsItWithTheClientsCredentials_andTheBuiltImagePushes()
      throws Exception {
    Path context = Files.createTempDirectory(engine.directory, "pull-context-");
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + reference + "\nRUN echo on-pulled-base\n");

    DockerCli.Run anonymous = engine.docker("build", "-t", "built/pulled:1", context.toString());

    assertThat(anonymous.exitCode()).isNotZero();
    assertThat(anonymous.stderr()).contains("unauthorized");

    Path cliConfig = engine.directory.resolve("cli-config").resolve("config.json");
    Files.createDirectories(cliConfig.getParent());
    String auth =
        Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        cliConfig, "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
    try {
      DockerCli.Run build = engine.docker("build", "-t", "built/pulled:1", context.toString());

      assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
      assertThat(build.stdout()).contains("Pulling from", "Pull complete");
      assertThat(build.stdout().lines()).contains("on-pulled-base");
      assertThat(engine.docker("image", "inspect", reference).exitCode()).isZero();
      String pushed = reference.replace("/base:1", "/built:1");
      assertThat(engine.docker("tag", "built/pulled:1", pushed).exitCode()).isZero();
      DockerCli.Run push = engine.docker("push", pushed);
      assertThat(push.exitCode()).as(push.stdout() + push.stderr()).isZero();
      assertThat(push.stdout()).contains("digest: sha256:");
    } finally {
      Files.deleteIfExists(cliConfig);
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

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.registry.RegistrySettings;
import io.jcompose.engine.testimage.BusyboxImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --registry-mirror}: a Docker Hub image is pulled from the first mirror that answers (this
 * machine cannot reach Docker Hub, so the pull succeeding proves where it came from), a mirror that
 * is down is passed over, and {@code docker info} lists the mirrors.
 */
@Timeout(300)
class RegistryMirrorTest {

  private EngineFixture engine;
  private String mirror;
  private String deadMirror;

  @BeforeEach
  void startEngine() throws Exception {
    String registry = System.getenv("JCOMPOSE_TEST_REGISTRY");
    assertThat(registry).as("JCOMPOSE_TEST_REGISTRY (set by scripts/test.sh)").isNotBlank();
    mirror = "http://" + registry + "/";
    deadMirror = "http://127.0.0.1:" + EngineFixture.freePort() + "/";
    engine = EngineFixture.create();
    engine.start(RegistrySettings.defaults().withMirror(deadMirror).withMirror(mirror));
  }

  @AfterEach
  void stopEngine() throws Exception {
    engine.closeLeavingNothing();
  }

  @Test
  void dockerHubImage_comesFromTheFirstMirrorThatHasIt() throws Exception {
    String name = "jcmirror-" + UUID.randomUUID().toString().substring(0, 8);
    String inMirror = mirror.substring("http://".length()) + "library/" + name + ":1";
    Path archive = Files.createTempFile(engine.directory, "image", ".tar");
    Files.write(archive, BusyboxImage.create().tags(inMirror).dockerArchive());
    assertOk(engine.docker("load", "-i", archive.toString()));
    assertOk(engine.docker("push", inMirror));
    assertOk(engine.docker("rmi", inMirror));

    DockerCli.Run pull = engine.docker("pull", name + ":1");

    assertOk(pull);
    assertThat(pull.stdout()).contains("docker.io/library/" + name + ":1");
    DockerCli.Run run = engine.docker("run", "--rm", name + ":1", "echo", "from the mirror");
    assertThat(run.stdout()).as(run.toString()).isEqualTo("from the mirror\n");
    assertThat(
            assertOk(engine.docker("info", "--format", "{{json .RegistryConfig.Mirrors}}"))
                .stdout())
        .contains(deadMirror, mirror);
    assertOk(engine.docker("rmi", name + ":1"));
  }

  private static DockerCli.Run assertOk(DockerCli.Run run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.testimage.BusyboxImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The real docker CLI (28.2.2) runs containers on the engine. */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerCliContainersTest {

  private EngineFixture engine;

  @BeforeAll
  void startEngine() throws Exception {
    engine = EngineFixture.create();
    try {
      engine.load(BusyboxImage.create());
      engine.start();
    } catch (Exception | Error e) {
      engine.close();
      throw e;
    }
  }

  @AfterAll
  void removeEverything() throws Exception {
    try {
      engine.removeAllContainers();
      engine.stop();
      assertThat(engine.leftovers()).isEmpty();
    } finally {
      engine.close();
    }
  }

  @Test
  void runRm_printsTheOutput_exitsZero_andRemovesTheContainer() throws Exception {
    EngineFixture.Run run = engine.docker("run", "--rm", "busybox", "echo", "hi");

    assertThat(run.stdout()).as(run.stderr()).isEqualTo("hi\n");
    assertThat(run.exitCode()).isZero();
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }
}

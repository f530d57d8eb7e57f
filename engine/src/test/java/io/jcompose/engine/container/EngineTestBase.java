package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.testimage.BusyboxImage;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A running engine for a test class, with {@code busybox} (command {@code sh}) and {@code nocmd:1}
 * (no command) loaded and a user network {@code front}. After the class every container is removed
 * through the API, the engine is closed, and nothing of it may be left on the host.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineTestBase {

  EngineFixture engine;

  @BeforeAll
  void startEngine() throws Exception {
    engine = EngineFixture.create();
    try {
      engine.load(BusyboxImage.create());
      engine.load(BusyboxImage.create().tags("nocmd:1").cmd());
      engine.createNetwork("front");
      engine.start();
    } catch (Exception | Error e) {
      engine.close();
      throw e;
    }
  }

  @AfterAll
  void removeEverything() throws Exception {
    engine.closeLeavingNothing();
  }

  JsonNode inspect(String reference) throws IOException {
    EngineFixture.Reply reply = engine.get("/v1.44/containers/" + reference + "/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Starts the container and waits for it to exit; returns the exit code. */
  int runToExit(String id) throws Exception {
    try (var wait =
        ApiStreams.post(engine.socket, "/v1.44/containers/" + id + "/wait?condition=next-exit")) {
      assertThat(wait.readHead().status()).isEqualTo(200);
      assertThat(engine.post("/v1.44/containers/" + id + "/start").status()).isEqualTo(204);
      JsonNode result = EngineFixture.JSON.readTree(wait.readChunk());
      return result.path("StatusCode").asInt();
    }
  }
}

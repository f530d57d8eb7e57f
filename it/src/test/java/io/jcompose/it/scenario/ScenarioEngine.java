package io.jcompose.it.scenario;

import io.jcompose.adapter.DockerRuntime;
import io.jcompose.adapter.Endpoint;
import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.adapter.testing.TestImage;
import io.jcompose.it.BundledEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled engine the scenarios share: started the way a user starts it ({@code jcompose engine
 * run}) on first use, with its socket, data and state in a temporary directory and network objects,
 * cgroups and subnets of its own ({@code jcs}, 10.214.0.0/16), so it runs beside the engines other
 * tests start. The test image is loaded through the API as on dockerd. A shutdown hook removes what
 * is left on it, stops it and deletes its directory.
 */
final class ScenarioEngine {

  static final String IMAGE = "jcompose-test/busybox:1";

  private static BundledEngine engine;

  private ScenarioEngine() {}

  static synchronized String host() {
    if (engine == null) {
      engine = start();
    }
    return engine.host();
  }

  private static BundledEngine start() {
    try {
      Path directory = Files.createTempDirectory("jcs-engine");
      BundledEngine started =
          BundledEngine.start(
              directory.resolve("engine.sock"),
              "--network-prefix",
              "jcs",
              "--network-pool",
              "10.214.0.0/16",
              "--cgroup-parent",
              "/jcs");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "jcs-engine-stop"));
      var endpoint =
          new Endpoint(URI.create(started.host()), Endpoint.Origin.HOST_FLAG, Optional.empty());
      try (DockerRuntime runtime = DockerRuntime.connect(endpoint, Map.of());
          var docker = TestDocker.dockerClient(runtime)) {
        docker.loadImageCmd(new ByteArrayInputStream(TestImage.dockerArchive(IMAGE))).exec();
        awaitImage(runtime);
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the scenarios' bundled engine", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the bundled engine", e);
    }
  }

  /** docker-java's load returns with the response's head; the image is there a moment later. */
  private static void awaitImage(DockerRuntime runtime) throws InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (runtime.inspectImage(IMAGE).isPresent()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the test image " + IMAGE + " did not appear after its load");
  }

  private static void stop(BundledEngine started) {
    try {
      started.close();
      Files.deleteIfExists(started.directory());
    } catch (Exception e) {
      System.err.println("the scenarios' bundled engine did not stop cleanly: " + e);
    }
  }
}

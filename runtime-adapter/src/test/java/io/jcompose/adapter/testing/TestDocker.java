package io.jcompose.adapter.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.jcompose.adapter.DockerRuntime;
import io.jcompose.adapter.Endpoint;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The real dockerd the suites run against: {@code JCOMPOSE_TEST_DOCKER_HOST}, which {@code
 * scripts/test.sh} exports after starting one. Without it a suite fails (never skips). The test
 * image is loaded through the API once per JVM under a tag of that JVM's own, which is removed when
 * the JVM ends: suites in other JVMs sharing the daemon (another module's, a colleague's on a
 * development daemon) keep their own tags, so neither clobbers nor removes the other's image.
 */
public final class TestDocker {

  /** The variable {@code scripts/test.sh} sets. */
  public static final String HOST_VARIABLE = "JCOMPOSE_TEST_DOCKER_HOST";

  /** The busybox image of {@link TestImage}, tagged for this JVM. */
  private static final String IMAGE =
      "jcompose-test/busybox:1-" + UUID.randomUUID().toString().substring(0, 8);

  private static DockerRuntime shared;

  private TestDocker() {}

  /** The test image's reference in this JVM ({@code jcompose-test/busybox:1-<random>}). */
  public static String image() {
    return IMAGE;
  }

  /** The dockerd's endpoint; fails the test when the variable is missing. */
  public static Endpoint endpoint() {
    String host = System.getenv(HOST_VARIABLE);
    if (host == null || host.isBlank()) {
      throw new AssertionError(
          HOST_VARIABLE
              + " is not set: run the suites through scripts/test.sh, which starts a dockerd");
    }
    return new Endpoint(URI.create(host), Endpoint.Origin.HOST_FLAG, Optional.empty());
  }

  /** A new connection (the caller closes it); the test image is loaded. */
  public static DockerRuntime connect() {
    DockerRuntime runtime = DockerRuntime.connect(endpoint(), Map.of());
    ensureImage(runtime);
    return runtime;
  }

  /** One connection for the whole JVM, with the test image loaded. */
  public static synchronized DockerRuntime runtime() {
    if (shared == null) {
      shared = DockerRuntime.connect(endpoint(), Map.of());
      ensureImage(shared);
    }
    return shared;
  }

  private static boolean loaded;

  private static synchronized void ensureImage(DockerRuntime runtime) {
    if (loaded) {
      return;
    }
    try (DockerClient docker = dockerClient(runtime)) {
      docker.loadImageCmd(new ByteArrayInputStream(TestImage.dockerArchive(IMAGE))).exec();
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot load the test image " + IMAGE, failure);
    }
    loaded = true;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestDocker::removeImage, "jcompose-test-image-removal"));
  }

  /** Removes this JVM's tag; the image goes with it unless another tag still names it. */
  private static void removeImage() {
    try (DockerRuntime runtime = DockerRuntime.connect(endpoint(), Map.of())) {
      runtime.removeImage(IMAGE, false);
    } catch (RuntimeFault stillUsedOrGone) {
      // another suite's container still uses it, or it is gone already
    }
  }

  /** docker-java at the runtime's negotiated version, for calls outside the SPI. */
  public static DockerClient dockerClient(DockerRuntime runtime) {
    URI host = runtime.endpoint().uri();
    var config =
        new DefaultDockerClientConfig.Builder()
            .withDockerHost(host.toString())
            .withApiVersion(runtime.apiVersion())
            .build();
    return DockerClientImpl.getInstance(
        config, new ZerodepDockerHttpClient.Builder().dockerHost(host).build());
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.LayerTar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OCI image whose layer is zstd-compressed, put into the suites' registry by hand (no client
 * here pushes zstd), is pulled by the engine, verified and run.
 */
class RegistryZstdPullTest extends EngineTestBase {

  private static final String ZSTD_LAYER = "application/vnd.oci.image.layer.v1.tar+zstd";

  private String registry;

  @BeforeEach
  void findRegistry() {
    registry = System.getenv("JCOMPOSE_TEST_REGISTRY");
    assertThat(registry).as("JCOMPOSE_TEST_REGISTRY (set by scripts/test.sh)").isNotBlank();
  }

  @Test
  void ociImageWithAZstdLayer_isPulledAndRuns() throws Exception {
    String repository = "jczstd-" + UUID.randomUUID().toString().substring(0, 8) + "/busybox";
    BusyboxImage image = BusyboxImage.create().cmd("echo", "from zstd");
    byte[] config = image.configJson();
    byte[] layer = LayerTar.zstd(BusyboxImage.rootfsLayer());
    HttpClient client = HttpClient.newHttpClient();
    upload(client, repository, config);
    upload(client, repository, layer);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":"
            + config.length
            + ",\"digest\":\""
            + Digest.of(config)
            + "\"},\"layers\":[{\"mediaType\":\""
            + ZSTD_LAYER
            + "\",\"size\":"
            + layer.length
            + ",\"digest\":\""
            + Digest.of(layer)
            + "\"}]}";
    HttpResponse<String> put =
        client.send(
            HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/1"))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    String reference = registry + "/" + repository + ":1";

    DockerCli.Run pull = engine.docker("pull", reference);

    assertThat(pull.exitCode()).as(pull.toString()).isZero();
    assertThat(pull.stdout()).contains("Pull complete");
    DockerCli.Run inspect = engine.docker("image", "inspect", "--format", "{{.Id}}", reference);
    assertThat(inspect.stdout().strip()).isEqualTo(image.imageId().toString());
    DockerCli.Run run = engine.docker("run", "--rm", reference);
    assertThat(run.stdout()).as(run.toString()).isEqualTo("from zstd\n");
    assertThat(engine.docker("rmi", reference).exitCode()).isZero();
  }

  /** A monolithic blob upload: POST for a location, PUT with the digest. */
  private void upload(HttpClient client, String repository, byte[] blob) throws Exception {
    HttpResponse<Void> start =
        client.send(
            HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(start.statusCode()).isEqualTo(202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI target = uri("/").resolve(location);
    String separator = target.getRawQuery() == null ? "?" : "&";
    HttpResponse<String> put =
        client.send(
            HttpRequest.newBuilder(URI.create(target + separator + "digest=" + Digest.of(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
  }

  private URI uri(String path) {
    return URI.create("http://" + registry + path);
  }
}

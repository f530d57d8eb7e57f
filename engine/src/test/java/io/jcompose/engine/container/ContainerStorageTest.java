package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.http.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volumes, binds, tmpfs and shared volumes as containers see them and inspect reports them. */
class ContainerStorageTest extends EngineTestBase {

  @Test
  void namedAnonymousBindAndTmpfsMounts_areMountedReportedAndCleanedUp() throws Exception {
    Path host = Files.createDirectories(engine.directory.resolve("host-dir"));
    Files.writeString(host.resolve("in"), "from-host\n");
    String id =
        engine.create(
            "stores",
            "{\"Image\":\"busybox\",\"Volumes\":{\"/anon\":{}},\"Cmd\":[\"sh\",\"-c\","
                + "\"cat /etc/group; echo kept > /anon/f; cat /host/in;"
                + " grep -q ' /scratch tmpfs ' /proc/mounts && echo tmpfs;"
                + " (echo x > /host/x) 2>/dev/null || echo read-only\"],"
                + "\"HostConfig\":{\"Binds\":[\"etcvol:/etc\",\""
                + host
                + ":/host:ro\"],\"Tmpfs\":{\"/scratch\":\"size=1m\"}}}");

    assertThat(runToExit(id)).isZero();

    assertThat(logs(id)).isEqualTo("root:x:0:\nnobody:x:65534:\nfrom-host\ntmpfs\nread-only\n");
    Map<String, JsonNode> mounts = new HashMap<>();
    inspect(id)
        .path("Mounts")
        .forEach(mount -> mounts.put(mount.path("Destination").asText(), mount));
    assertThat(mounts.keySet()).containsExactlyInAnyOrder("/etc", "/host", "/scratch", "/anon");
    assertThat(mounts.get("/etc").path("Type").asText()).isEqualTo("volume");
    assertThat(mounts.get("/etc").path("Name").asText()).isEqualTo("etcvol");
    assertThat(mounts.get("/etc").path("Driver").asText()).isEqualTo("local");
    assertThat(mounts.get("/etc").path("Source").asText())
        .isEqualTo(engine.dataRoot.resolve("volumes/etcvol/_data").toString());
    assertThat(mounts.get("/host").path("Type").asText()).isEqualTo("bind");
    assertThat(mounts.get("/host").path("RW").asBoolean()).isFalse();
    assertThat(mounts.get("/host").path("Mode").asText()).isEqualTo("ro");
    assertThat(mounts.get("/scratch").path("Type").asText()).isEqualTo("tmpfs");
    String anonymous = mounts.get("/anon").path("Name").asText();
    assertThat(anonymous).matches("[0-9a-f]{64}");
    assertThat(engine.dataRoot.resolve("volumes/etcvol/_data/group")).exists();
    EngineFixture.Reply inUse = engine.delete("/volumes/etcvol");
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.json().path("message").asText())
        .isEqualTo("remove etcvol: volume is in use - [" + id + "]");

    String reader =
        engine.create(
            "reader",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"cat /anon/f; (echo x > /anon/g) 2>/dev/null"
                + " || echo shared-read-only\"],"
                + "\"HostConfig\":{\"VolumesFrom\":[\"stores:ro\"]}}");
    assertThat(runToExit(reader)).isZero();
    assertThat(logs(reader)).isEqualTo("kept\nshared-read-only\n");

    assertThat(engine.delete("/containers/reader?v=1").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/stores?v=1").status()).isEqualTo(204);
    assertThat(engine.get("/volumes/" + anonymous).status()).isEqualTo(404);
    assertThat(engine.get("/volumes/etcvol").status()).isEqualTo(200);
    assertThat(engine.delete("/volumes/etcvol").status()).isEqualTo(204);
    assertThat(host.resolve("x")).doesNotExist();
  }

  @Test
  void aMountThatIsNotOne_isRefusedAtCreate_andLeavesNoVolumeBehind() throws Exception {
    int volumesBefore = engine.get("/volumes").json().path("Volumes").size();
    EngineFixture.Reply duplicate =
        engine.post(
            "/containers/create",
            "{\"Image\":\"busybox\",\"Volumes\":{\"/a\":{}},"
                + "\"HostConfig\":{\"Binds\":[\"/b\",\"xv:/b\"]}}");
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().path("message").asText()).isEqualTo("Duplicate mount point: /b");
    EngineFixture.Reply missingSource =
        engine.post(
            "/containers/create",
            "{\"Image\":\"busybox\",\"HostConfig\":{\"Mounts\":[{\"Type\":\"bind\","
                + "\"Source\":\"/no/such/dir\",\"Target\":\"/x\"}]}}");
    assertThat(missingSource.status()).isEqualTo(400);
    assertThat(missingSource.json().path("message").asText())
        .contains("bind source path does not exist: /no/such/dir");
    assertThat(engine.get("/volumes").json().path("Volumes").size()).isEqualTo(volumesBefore);
  }

  private String logs(String id) throws Exception {
    TestClient.RawResponse response =
        TestClient.exchange(
            engine.socket, TestClient.get("/containers/" + id + "/logs?stdout=1&stderr=1"));
    return ApiStreams.text(ApiStreams.frames(response.body()), 0);
  }
}

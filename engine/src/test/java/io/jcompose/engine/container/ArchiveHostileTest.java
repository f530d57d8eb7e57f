package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.http.TestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * The archive routes keep every path inside the container: hostile tar entries ({@code ..},
 * absolute names, links written through, hard links out) are refused or land inside, and links the
 * container made lead to its own files, never the host's. Their edges too: bad parameters, a
 * gzipped tar.
 */
class ArchiveHostileTest extends EngineTestBase {

  @Test
  void entryClimbingOutWithDotDot_isRefused_andNothingIsWritten() throws Exception {
    String id = engine.create("hostile-dots", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

    TestClient.RawResponse reply =
        put(id, "/tmp", tar(file("../../../../escaped-" + engine.prefix, "out")));

    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(400);
    assertThat(reply.bodyText()).contains("outside of the destination");
    assertThat(Path.of("/escaped-" + engine.prefix)).doesNotExist();
    assertThat(engine.get("/containers/" + id + "/archive?path=/escaped-" + engine.prefix).status())
        .isEqualTo(404);
    engine.delete("/containers/" + id);
  }

  @Test
  void absoluteEntryName_landsBelowTheTargetDirectory() throws Exception {
    String id = engine.create("hostile-absolute", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

    TestClient.RawResponse reply = put(id, "/tmp", tar(file("/absolute.txt", "inside")));

    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    assertThat(read(id, "/tmp/absolute.txt")).containsEntry("absolute.txt", "inside");
    assertThat(engine.get("/containers/" + id + "/archive?path=/absolute.txt").status())
        .isEqualTo(404);
    engine.delete("/containers/" + id);
  }

  @Test
  void linkThenWriteThrough_staysInsideTheContainer() throws Exception {
    String id = engine.create("hostile-links", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    String hostDirectory = engine.directory.toString();

    TestClient.RawResponse reply =
        put(
            id,
            "/tmp",
            tar(
                symlink("absolute-hop", hostDirectory),
                file("absolute-hop/pwned.txt", "absolute"),
                symlink("relative-hop", "../../../../../../../../.."),
                file("relative-hop/pwned-" + engine.prefix + ".txt", "relative")));

    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    assertThat(engine.directory.resolve("pwned.txt")).doesNotExist();
    assertThat(Path.of("/pwned-" + engine.prefix + ".txt")).doesNotExist();
    assertThat(read(id, hostDirectory + "/pwned.txt")).containsEntry("pwned.txt", "absolute");
    assertThat(read(id, "/pwned-" + engine.prefix + ".txt"))
        .containsEntry("pwned-" + engine.prefix + ".txt", "relative");
    engine.delete("/containers/" + id);
  }

  @Test
  void hardLinkToAPathOutside_isRefused() throws Exception {
    String id = engine.create("hostile-hardlink", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    var link = new TarArchiveEntry("passwd-copy", TarConstants.LF_LINK);
    link.setLinkName("../../../../../etc/passwd");

    TestClient.RawResponse reply = put(id, "/tmp", tar(new Member(link, new byte[0])));

    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(400);
    engine.delete("/containers/" + id);
  }

  @Test
  void linksTheContainerMade_leadToItsOwnFiles() throws Exception {
    String id =
        engine.create(
            "hostile-reader",
            "{\"Image\":\"busybox\",\"Hostname\":\"insider\",\"Cmd\":[\"sh\",\"-c\","
                + "\"busybox ln -s / /tmp/rootlink; busybox ln -s ../../../../../../.. /tmp/dots;"
                + " echo secret > /tmp/mine; : > /tmp/ready; sleep 1000\"]}");
    assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
    awaitPath(id, "/tmp/ready");

    assertThat(read(id, "/tmp/rootlink/etc/hostname")).containsEntry("hostname", "insider\n");
    assertThat(read(id, "/tmp/dots/etc/hostname")).containsEntry("hostname", "insider\n");
    assertThat(read(id, "/tmp/dots/tmp/mine")).containsEntry("mine", "secret\n");
    JsonNode stat = stat(id, "/tmp/rootlink");
    assertThat(stat.path("linkTarget").asText()).isEqualTo("/");
    assertThat(stat.path("mode").asLong() & (1L << 27)).isNotZero();
    assertThat(engine.delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
  }

  @Test
  void gzippedArchive_isExtracted_asDockerJavaSendsIt() throws Exception {
    String id = engine.create("archive-gzip", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    var compressed = new ByteArrayOutputStream();
    try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
      gzip.write(tar(file("zipped.txt", "unzipped")));
    }

    TestClient.RawResponse reply =
        put(id, "/", compressed.toByteArray(), "&noOverwriteDirNonDir=false&copyUIDGID=false");

    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    assertThat(read(id, "/zipped.txt")).containsEntry("zipped.txt", "unzipped");
    engine.delete("/containers/" + id);
  }

  @Test
  void badRequests_getTheirStatus() throws Exception {
    String id = engine.create("hostile-params", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

    assertThat(engine.get("/containers/" + id + "/archive").status()).isEqualTo(400);
    assertThat(engine.get("/containers/" + id + "/archive?path=/no/such").status()).isEqualTo(404);
    assertThat(put(id, "/no/such/dir", tar(file("a", "a"))).status()).isEqualTo(404);
    assertThat(put(id, "/etc/passwd", tar(file("a", "a"))).status()).isEqualTo(400);
    TestClient.RawResponse overwrite =
        put(id, "/", tar(file("etc", "not a directory")), "&noOverwriteDirNonDir=true");
    assertThat(overwrite.status()).as(overwrite.bodyText()).isEqualTo(400);
    assertThat(stat(id, "/etc").path("mode").asLong() & (1L << 31)).isNotZero();
    engine.delete("/containers/" + id);
  }

  private JsonNode stat(String id, String path) throws IOException {
    TestClient.RawResponse reply =
        TestClient.exchange(
            engine.socket,
            "HEAD /v1.44/containers/"
                + id
                + "/archive?path="
                + path
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(reply.status()).isEqualTo(200);
    return EngineFixture.JSON.readTree(
        Base64.getDecoder().decode(reply.header("x-docker-container-path-stat")));
  }

  /** The files of a GET of {@code path}, by entry name. */
  private Map<String, String> read(String id, String path) throws IOException {
    TestClient.RawResponse reply =
        TestClient.exchange(
            engine.socket,
            "GET /v1.44/containers/"
                + id
                + "/archive?path="
                + path
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    var files = new HashMap<String, String>();
    try (var entries = new TarArchiveInputStream(new ByteArrayInputStream(reply.body()))) {
      TarArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.isFile()) {
          files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private TestClient.RawResponse put(String id, String path, byte[] tar) throws IOException {
    return put(id, path, tar, "");
  }

  private TestClient.RawResponse put(String id, String path, byte[] tar, String more)
      throws IOException {
    String head =
        "PUT /v1.44/containers/"
            + id
            + "/archive?path="
            + path
            + more
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-tar\r\nContent-Length: "
            + tar.length
            + "\r\n\r\n";
    return TestClient.exchange(engine.socket, head + new String(tar, StandardCharsets.ISO_8859_1));
  }

  private void awaitPath(String id, String path) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (engine.get("/containers/" + id + "/archive?path=" + path).status() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " did not appear");
  }

  /** One tar entry and its content. */
  private record Member(TarArchiveEntry entry, byte[] content) {}

  private static Member file(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    var entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    entry.setMode(0644);
    return new Member(entry, bytes);
  }

  private static Member symlink(String name, String target) {
    var entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    return new Member(entry, new byte[0]);
  }

  private static byte[] tar(Member... members) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Member member : members) {
        tar.putArchiveEntry(member.entry());
        tar.write(member.content());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}

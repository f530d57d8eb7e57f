package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.http.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /build} on the wire: the stream docker-java reads, named contexts, errors, hang-ups.
 */
class BuildApiTest extends EngineTestBase {

  @Test
  void build_streamsStepsAndEndsWithAuxIdAndSuccessLines() throws Exception {
    TestClient.RawResponse response =
        build("t=api/stream:1", Map.of("Dockerfile", "FROM busybox\nLABEL a=b\n"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).isEqualTo("application/json");
    List<JsonNode> lines = lines(response);
    assertThat(lines.get(0).path("stream").asText()).isEqualTo("Step 1/2 : FROM busybox");
    JsonNode aux = lines.get(lines.size() - 3);
    String id = aux.path("aux").path("ID").asText();
    assertThat(id).startsWith("sha256:");
    assertThat(lines.get(lines.size() - 2).path("stream").asText())
        .isEqualTo("Successfully built " + id.substring(7, 19) + "\n");
    assertThat(lines.get(lines.size() - 1).path("stream").asText())
        .isEqualTo("Successfully tagged api/stream:1\n");
  }

  @Test
  void quietBuild_writesOnlyTheImageId() throws Exception {
    List<JsonNode> lines =
        lines(build("q=1", Map.of("Dockerfile", "FROM busybox\nRUN echo hidden-output\n")));

    assertThat(lines.toString()).doesNotContain("hidden-output", "Step");
    assertThat(lines.get(lines.size() - 1).path("stream").asText())
        .matches("sha256:[0-9a-f]{64}\n");
  }

  @Test
  void namedContexts_standForAnImageInFromAndForFilesInCopyFrom() throws Exception {
    String contexts =
        URLEncoder.encode(
            "{\"base\":\"docker-image://busybox\",\"extra\":\"tar\"}", StandardCharsets.UTF_8);
    var files = new LinkedHashMap<String, String>();
    files.put(
        "Dockerfile",
        "FROM base\nCOPY --from=extra note.txt /note.txt\nCMD [\"cat\", \"/note.txt\"]\n");
    files.put(".jcompose-contexts/extra/note.txt", "from a named context\n");

    TestClient.RawResponse response = build("t=api/named:1&x-jcompose-contexts=" + contexts, files);

    assertThat(lines(response).toString()).doesNotContain("errorDetail");
    assertThat(engine.docker("run", "--rm", "api/named:1").stdout())
        .isEqualTo("from a named context\n");
  }

  @Test
  void dockerfileError_isAnHttp400NamingTheLine() throws Exception {
    TestClient.RawResponse response =
        build("t=api/bad:1", Map.of("Dockerfile", "FROM busybox\nNOPE x\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("Dockerfile:2");
  }

  @Test
  void runFailure_isAnErrorLineWithTheExitCode() throws Exception {
    List<JsonNode> lines =
        lines(build("t=api/fail:1", Map.of("Dockerfile", "FROM busybox\nRUN exit 3\n")));

    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.path("error").asText())
        .isEqualTo("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    assertThat(last.path("errorDetail").path("code").asInt()).isEqualTo(3);
  }

  @Test
  void contextEndingRightAfterTheLastEntrysContent_isAccepted_asTheDockerCliSendsIt()
      throws Exception {
    var files = new LinkedHashMap<String, String>();
    files.put("Dockerfile", "FROM busybox\nCOPY note.txt /note.txt\n");
    files.put("note.txt", "sent by build -f-\n");
    byte[] complete = tar(files);
    int lastContentEnd = lastEntryContentEnd(complete, "note.txt", "sent by build -f-\n".length());
    byte[] cut = Arrays.copyOf(complete, lastContentEnd);

    TestClient.RawResponse accepted = build("t=api/cut:1", cut);
    TestClient.RawResponse truncated = build("t=api/cut:2", Arrays.copyOf(cut, cut.length - 5));

    assertThat(lines(accepted).toString())
        .doesNotContain("errorDetail")
        .contains("Successfully built");
    assertThat(engine.docker("run", "--rm", "api/cut:1", "cat", "/note.txt").stdout())
        .isEqualTo("sent by build -f-\n");
    assertThat(truncated.status()).isEqualTo(400);
    assertThat(truncated.bodyText()).contains("not a valid tar stream");
  }

  @Test
  void clientHangingUp_stopsTheRunningStep_andCleansUp() throws Exception {
    byte[] tar = tar(Map.of("Dockerfile", "FROM busybox\nRUN echo started && sleep 1000\n"));
    try (TestClient client = TestClient.connect(engine.socket)) {
      client.send(head("t=api/gone:1", tar.length));
      client.send(tar);
      assertThat(client.readHead().status()).isEqualTo(200);
      String seen = "";
      while (!seen.contains("started")) {
        seen += new String(client.readChunk(), StandardCharsets.UTF_8);
      }
    }

    for (int attempt = 0;
        attempt < 300 && !engine.docker("ps", "-aq").stdout().isEmpty();
        attempt++) {
      Thread.sleep(100);
    }
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
    try (Stream<Path> scratch = Files.list(engine.dataRoot.resolve("build").resolve("tmp"))) {
      assertThat(scratch).isEmpty();
    }
    assertThat(engine.docker("image", "inspect", "api/gone:1").exitCode()).isNotZero();
  }

  @Test
  void contextEntryClimbingOut_isRefused_andNothingLandsOutsideTheScratchDirectory()
      throws Exception {
    var files = new LinkedHashMap<String, String>();
    files.put("Dockerfile", "FROM busybox\nCOPY . /ctx/\n");
    files.put("../../../escaped-by-build.txt", "must not be written\n");

    TestClient.RawResponse response = build("t=api/climb:1", files);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("escaped-by-build.txt");
    try (Stream<Path> written = Files.walk(engine.directory)) {
      assertThat(written.filter(path -> path.endsWith("escaped-by-build.txt"))).isEmpty();
    }
    assertThat(engine.docker("image", "inspect", "api/climb:1").exitCode()).isNotZero();
  }

  @Test
  void copyThroughALinkOutOfTheContext_orUpWithDotDot_isRefusedNamingTheSource() throws Exception {
    Path outside = Files.writeString(engine.directory.resolve("host-secret.txt"), "host only\n");
    var linked = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(linked)) {
      byte[] dockerfile =
          "FROM busybox\nCOPY hostdir/host-secret.txt /stolen.txt\n"
              .getBytes(StandardCharsets.UTF_8);
      var entry = new TarArchiveEntry("Dockerfile");
      entry.setSize(dockerfile.length);
      tar.putArchiveEntry(entry);
      tar.write(dockerfile);
      tar.closeArchiveEntry();
      var link = new TarArchiveEntry("hostdir", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName(outside.getParent().toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    List<JsonNode> throughLink = lines(build("t=api/link:1", linked.toByteArray()));
    List<JsonNode> dotDot =
        lines(
            build(
                "t=api/dotdot:1",
                Map.of("Dockerfile", "FROM busybox\nCOPY ../host-secret.txt /stolen.txt\n")));

    assertThat(throughLink.get(throughLink.size() - 1).path("error").asText())
        .contains("forbidden path outside the build context", "hostdir/host-secret.txt");
    assertThat(dotDot.get(dotDot.size() - 1).path("error").asText())
        .contains("forbidden path outside the build context", "../host-secret.txt");
    assertThat(engine.docker("image", "inspect", "api/link:1").exitCode()).isNotZero();
    assertThat(engine.docker("image", "inspect", "api/dotdot:1").exitCode()).isNotZero();
  }

  @Test
  void buildKitOnlyCopyFlags_areRefusedNamingTheLine_notIgnored() throws Exception {
    TestClient.RawResponse response =
        build(
            "t=api/exclude:1",
            Map.of("Dockerfile", "FROM busybox\nCOPY --exclude=.env . /app/\n", ".env", "x=1\n"));

    String body = response.bodyText();
    assertThat(body).contains("Dockerfile:2", "COPY --exclude needs BuildKit");
    assertThat(engine.docker("image", "inspect", "api/exclude:1").exitCode()).isNotZero();
  }

  @Test
  void entrypointFromTheCache_isTheOneItsOwnStageWouldMake_cmdResetOrKept() throws Exception {
    String cmdThenEntrypoint = "FROM busybox\nCMD [\"x\"]\nENTRYPOINT [\"e\"]\n";
    assertThat(
            lines(build("t=api/cmd:1", Map.of("Dockerfile", "FROM busybox\nCMD [\"x\"]\n")))
                .toString())
        .contains("Successfully tagged");
    assertThat(lines(build("t=api/both:1", Map.of("Dockerfile", cmdThenEntrypoint))).toString())
        .contains("Successfully tagged");

    List<JsonNode> onBase =
        lines(build("t=api/entry:1", Map.of("Dockerfile", "FROM api/cmd:1\nENTRYPOINT [\"e\"]\n")));

    assertThat(onBase.toString()).contains("Successfully tagged");
    assertThat(
            engine
                .docker("image", "inspect", "--format", "{{json .Config.Cmd}}", "api/both:1")
                .stdout()
                .strip())
        .isEqualTo("[\"x\"]");
    assertThat(
            engine
                .docker("image", "inspect", "--format", "{{json .Config.Cmd}}", "api/entry:1")
                .stdout()
                .strip())
        .isEqualTo("null");
  }

  @Test
  void addOfARootfsTar_keepsEtcHostsAndDev_whichOnlyARunsMountsHide() throws Exception {
    var rootfs = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(rootfs)) {
      for (String name : List.of("etc/hosts", "dev/keep.txt", "proc/keep.txt")) {
        byte[] content = ("kept " + name + "\n").getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    var context = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(context)) {
      byte[] dockerfile = "FROM scratch\nADD rootfs.tar /\n".getBytes(StandardCharsets.UTF_8);
      for (Map.Entry<String, byte[]> file :
          Map.of("Dockerfile", dockerfile, "rootfs.tar", rootfs.toByteArray()).entrySet()) {
        var entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    assertThat(lines(build("t=api/rootfs:1", context.toByteArray())).toString())
        .contains("Successfully tagged");

    String container = engine.docker("create", "api/rootfs:1", "none").stdout().strip();
    Path export = engine.directory.resolve("rootfs-export.tar");
    assertThat(engine.docker("export", "-o", export.toString(), container).exitCode()).isZero();
    var names = new ArrayList<String>();
    try (var in =
        new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
            Files.newInputStream(export))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextTarEntry()) != null) {
        names.add(entry.getName().replaceFirst("^\\./", ""));
      }
    }
    assertThat(names).contains("etc/hosts", "dev/keep.txt", "proc/keep.txt");
    assertThat(engine.docker("rm", container).exitCode()).isZero();
  }

  private TestClient.RawResponse build(String query, Map<String, String> files) throws IOException {
    return build(query, tar(files));
  }

  private TestClient.RawResponse build(String query, byte[] tar) throws IOException {
    try (TestClient client = TestClient.connect(engine.socket)) {
      client.send(head(query, tar.length));
      client.send(tar);
      return client.readResponse();
    }
  }

  private static String head(String query, int length) {
    return "POST /v1.41/build?"
        + query
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-tar\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  private static List<JsonNode> lines(TestClient.RawResponse response) throws IOException {
    var lines = new ArrayList<JsonNode>();
    for (String line : response.bodyText().split("\r?\n")) {
      if (!line.isBlank()) {
        lines.add(EngineFixture.JSON.readTree(line));
      }
    }
    return lines;
  }

  /** Where the content of the entry {@code name} ends in {@code tar} (its header names it). */
  private static int lastEntryContentEnd(byte[] tar, String name, int size) {
    for (int offset = 0; offset + 512 <= tar.length; offset += 512) {
      String header = new String(tar, offset, name.length(), StandardCharsets.UTF_8);
      if (header.equals(name) && tar[offset + name.length()] == 0) {
        return offset + 512 + size;
      }
    }
    throw new AssertionError("no entry " + name);
  }

  private static byte[] tar(Map<String, String> files) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}

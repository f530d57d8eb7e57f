package io.jcompose.engine.build.context;

import static io.jcompose.engine.build.context.CopyFixture.mode;
import static io.jcompose.engine.build.context.CopyFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.testimage.LayerTar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ADD: local tars are extracted (told by content), URLs downloaded and never extracted. */
class AddTest {

  @TempDir Path temporary;
  private CopyFixture fixture;
  private Path root;
  private HttpServer server;

  @BeforeEach
  void createTrees() {
    fixture = new CopyFixture(temporary);
    root = fixture.root;
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static byte[] sampleTar() {
    return LayerTar.create()
        .directory("pkg")
        .file("pkg/bin", "binary", 0755, 7, 8, java.util.Map.of())
        .symlink("pkg/link", "bin")
        .toByteArray();
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void localTar_isExtractedAtTheDestination(Compression compression) throws IOException {
    Files.write(fixture.context.resolve("archive.data"), compression.apply(sampleTar()));
    fixture.copy("ADD archive.data /opt");
    assertThat(root.resolve("opt/pkg/bin")).hasContent("binary");
    assertThat(mode(root.resolve("opt/pkg/bin"))).isEqualTo(0755);
    assertThat(owner(root.resolve("opt/pkg/bin"))).as("the tar's owners are kept").isEqualTo("7:8");
    assertThat(Files.getLastModifiedTime(root.resolve("opt/pkg/bin")))
        .isEqualTo(FileTime.from(LayerTar.MTIME));
    assertThat(Files.readSymbolicLink(root.resolve("opt/pkg/link"))).isEqualTo(Path.of("bin"));
  }

  @Test
  void fileNamedLikeATar_isCopiedAsItIs() {
    fixture.file("notes.tar.gz", "just text");
    fixture.copy("ADD notes.tar.gz /d/");
    assertThat(root.resolve("d/notes.tar.gz")).hasContent("just text");
  }

  @Test
  void copyOfATar_isNotExtracted() throws IOException {
    Files.write(fixture.context.resolve("a.tar"), sampleTar());
    fixture.copy("COPY a.tar /d/");
    assertThat(root.resolve("d/a.tar")).hasBinaryContent(sampleTar());
  }

  @Test
  void hostileTar_isRefused_andNothingIsWrittenOutsideTheRoot() throws IOException {
    Path outside = Files.createDirectories(temporary.resolve("outside"));
    Files.write(
        fixture.context.resolve("evil.tar"),
        LayerTar.create().file("../../outside/pwned", "x").toByteArray());
    assertThatThrownBy(() -> fixture.copy("ADD evil.tar /"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("is refused");
    Files.write(
        fixture.context.resolve("links.tar"),
        LayerTar.create()
            .symlink("escape", outside.toString())
            .file("escape/pwned", "x")
            .symlink("up", "../../..")
            .file("up/pwned", "x")
            .toByteArray());
    fixture.copy("ADD links.tar /");
    assertThat(outside.toFile().list()).isEmpty();
    assertThat(root.resolve(outside.toString().substring(1) + "/pwned")).hasContent("x");
    assertThat(root.resolve("pwned")).hasContent("x");
  }

  @Test
  void localTar_aParentReplacedByALinkLaterKeepsHostDirectoriesUntouched() throws IOException {
    Path sentinel = LinkedParentTar.sentinel(Files.createDirectories(temporary.resolve("host")));
    String before = LinkedParentTar.state(sentinel);
    Files.write(fixture.context.resolve("linked.tar"), LinkedParentTar.pointingAt(sentinel));

    fixture.copy("ADD linked.tar /");

    assertThat(LinkedParentTar.state(sentinel)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(root.resolve("a"))).isTrue();
  }

  @Test
  void localTar_aParentReplacedByALinkToItselfIsExtracted() throws IOException {
    Files.write(
        fixture.context.resolve("loop.tar"),
        LayerTar.create()
            .directory("a")
            .directory("a/b", 0700)
            .symlink("a", "/a")
            .file("kept", "k")
            .toByteArray());

    fixture.copy("ADD loop.tar /");

    assertThat(Files.readSymbolicLink(root.resolve("a"))).isEqualTo(Path.of("/a"));
    assertThat(root.resolve("kept")).hasContent("k");
  }

  @Test
  void truncatedTar_failsAsTheUsersMistake() throws IOException {
    byte[] whole = LayerTar.create().file("big", "x".repeat(10_000).getBytes(), 0644).toByteArray();
    Files.write(fixture.context.resolve("cut.tar"), java.util.Arrays.copyOf(whole, 2048));
    assertThatThrownBy(() -> fixture.copy("ADD cut.tar /d/"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageStartingWith("ADD failed: cannot extract cut.tar: ");
  }

  @Test
  void url_isDownloadedWithMode0600AndItsLastModifiedTime() throws IOException {
    Instant modified = Instant.parse("2020-05-06T07:08:09Z");
    serve("/files/app.tar", sampleTar(), "Wed, 06 May 2020 07:08:09 GMT");
    fixture.copy("ADD " + url("/files/app.tar?version=1") + " /downloads/");
    Path file = root.resolve("downloads/app.tar");
    assertThat(file).as("a URL is never extracted").hasBinaryContent(sampleTar());
    assertThat(mode(file)).isEqualTo(0600);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.from(modified));
    fixture.copy("ADD " + url("/files/app.tar") + " /named");
    assertThat(root.resolve("named")).hasBinaryContent(sampleTar());
  }

  @Test
  void url_thatFails_namesTheStatus() throws IOException {
    serve("/present", new byte[0], null);
    assertThatThrownBy(() -> fixture.copy("ADD " + url("/missing") + " /d/"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("ADD failed: failed to GET " + url("/missing") + " with status 404");
  }

  @Test
  void url_namedDotDot_isNoFileName_andLeavesTheDestinationAlone() throws IOException {
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/keep"), "kept");
    serveEverything("payload".getBytes(StandardCharsets.UTF_8), "attachment; filename=\"..\"");
    for (String path : new String[] {"/a/%2e%2e", "/a/..", "/a/.", "/a/"}) {
      assertThatThrownBy(() -> fixture.copy("ADD " + url(path) + " /app/"))
          .as(path)
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessage("ADD failed: cannot determine filename for source " + url(path));
    }
    assertThat(root.resolve("app/keep")).hasContent("kept");
    server.stop(0);

    serveEverything("payload".getBytes(StandardCharsets.UTF_8), "attachment; filename=\"x.txt\"");
    fixture.copy("ADD " + url("/a/%2e%2e") + " /app/");
    assertThat(root.resolve("app/x.txt")).hasContent("payload");
    assertThat(root.resolve("app/keep")).hasContent("kept");
  }

  /** Answers every path with {@code body} and the header {@code Content-Disposition}. */
  private void serveEverything(byte[] body, String disposition) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Disposition", disposition);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private void serve(String path, byte[] body, String lastModified) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals(path)) {
            byte[] missing = "not found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, missing.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(missing);
            }
            return;
          }
          if (lastModified != null) {
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
          }
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }
}

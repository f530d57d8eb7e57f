package io.jcompose.engine.build.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.testimage.LayerTar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuildContextsTest {

  @TempDir Path temporary;

  private BuildContexts extract(LayerTar tar, String namedContexts) {
    return BuildContexts.extract(
        new ByteArrayInputStream(tar.toByteArray()), namedContexts, temporary.resolve("scratch"));
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void extract_readsEachCompression(Compression compression) throws IOException {
    byte[] tar =
        LayerTar.create()
            .file("Dockerfile", "FROM scratch\n")
            .directory("src")
            .file("src/main.c", "int main;\n".getBytes(), 0755)
            .symlink("link", "src/main.c")
            .toByteArray();
    try (var contexts =
        BuildContexts.extract(
            new ByteArrayInputStream(compression.apply(tar)), null, temporary.resolve("s"))) {
      Path root = contexts.main().root();
      assertThat(root.resolve("src/main.c")).hasContent("int main;");
      assertThat(Files.getPosixFilePermissions(root.resolve("src/main.c"))).hasSize(7); // rwxr-xr-x
      assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("src/main.c"));
      assertThat(contexts.dockerfile(null)).isEqualTo("FROM scratch\n");
    }
    assertThat(temporary.resolve("s")).doesNotExist();
  }

  @Test
  void extract_refusesHostileEntries_andWritesNothingOutside() throws IOException {
    Path sentinel = Files.createDirectories(temporary.resolve("sentinel"));
    Files.writeString(sentinel.resolve("file"), "kept");
    List<LayerTar> hostile =
        List.of(
            LayerTar.create().file("../sentinel/pwned", "x"),
            LayerTar.create().file("ok/../../sentinel/pwned", "x"),
            LayerTar.create().file("/../../../../" + sentinel + "/pwned", "x"),
            LayerTar.create().hardLink("pwned", "../sentinel/file"),
            LayerTar.create().symlink("out", sentinel.toString()).file("out/pwned", "x"),
            LayerTar.create().symlink("up", "..").file("up/sentinel/pwned", "x"),
            LayerTar.create().characterDevice("null", 1, 3));
    for (LayerTar tar : hostile) {
      assertThatThrownBy(() -> extract(tar, null))
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageContaining("is refused");
      assertThat(temporary.resolve("scratch")).doesNotExist();
    }
    try (Stream<Path> files = Files.walk(sentinel)) {
      assertThat(files.map(sentinel::relativize).map(Path::toString))
          .containsExactlyInAnyOrder("", "file");
    }
    assertThat(sentinel.resolve("file")).hasContent("kept");
  }

  @Test
  void extract_aParentReplacedByALinkLaterKeepsHostDirectoriesUntouched() throws IOException {
    Path sentinel = LinkedParentTar.sentinel(Files.createDirectories(temporary.resolve("host")));
    String before = LinkedParentTar.state(sentinel);
    byte[] tar = LinkedParentTar.pointingAt(sentinel);

    try (var contexts =
        BuildContexts.extract(new ByteArrayInputStream(tar), null, temporary.resolve("scratch"))) {
      assertThat(Files.isSymbolicLink(contexts.main().root().resolve("a"))).isTrue();
    }
    assertThat(LinkedParentTar.state(sentinel)).isEqualTo(before);
  }

  @Test
  void extract_keepsAbsoluteNamesInsideTheContext() throws IOException {
    try (var contexts = extract(LayerTar.create().file("/etc/app.conf", "x"), null)) {
      assertThat(contexts.main().root().resolve("etc/app.conf")).hasContent("x");
    }
  }

  @Test
  void extract_refusesSomethingThatIsNoTar() {
    assertThatThrownBy(
            () ->
                BuildContexts.extract(
                    new ByteArrayInputStream(
                        Compression.GZIP.apply("not a tar".repeat(100).getBytes())),
                    null,
                    temporary.resolve("scratch")))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("not a valid tar");
  }

  /** The same context and .dockerignore through the docker CLI and dockerd keep these files. */
  @Test
  void dockerignore_excludesWithDoubleStarAndExceptions() throws IOException {
    var tar =
        LayerTar.create()
            .file("Dockerfile", "FROM scratch\n")
            .file(
                ".dockerignore",
                "# comment\n**/*.log\n/build\n!build/keep.txt\n./secret*\n*.md\n!README.md\n"
                    + "docs\n!docs/keep/**\n");
    for (String name :
        List.of(
            "app.log",
            "src/deep/debug.log",
            "src/main.c",
            "build/out.o",
            "build/keep.txt",
            "secret.key",
            "secrets.txt",
            "README.md",
            "NOTES.md",
            "docs/keep/a",
            "docs/drop/b")) {
      tar.file(name, "x");
    }
    try (var contexts = extract(tar, null)) {
      assertThat(files(contexts.main().root()))
          .containsExactlyInAnyOrder(
              "Dockerfile",
              ".dockerignore",
              "README.md",
              "build",
              "build/keep.txt",
              "docs",
              "docs/keep",
              "docs/keep/a",
              "src",
              "src/deep",
              "src/main.c");
    }
  }

  @Test
  void dockerignore_excludedDockerfileIsReadThenLeavesTheContext() throws IOException {
    var tar =
        LayerTar.create()
            .file("Dockerfile", "FROM scratch\n")
            .file(".dockerignore", "Dockerfile\n.dockerignore\n")
            .file("kept", "x");
    try (var contexts = extract(tar, null)) {
      assertThat(contexts.dockerfile("")).isEqualTo("FROM scratch\n");
      assertThat(files(contexts.main().root())).containsExactly("kept");
    }
  }

  @Test
  void dockerfile_lookup() throws IOException {
    var tar =
        LayerTar.create()
            .file("dockerfile", "lower\n")
            .file("docker/app.Dockerfile", "custom\n")
            .symlink("linked", "docker/app.Dockerfile")
            .symlink("escaping", "/etc/passwd");
    try (var contexts = extract(tar, null)) {
      assertThat(contexts.dockerfile(null)).isEqualTo("lower\n");
      assertThat(contexts.dockerfile("docker/app.Dockerfile")).isEqualTo("custom\n");
      assertThat(contexts.dockerfile("./linked")).isEqualTo("custom\n");
      assertThatThrownBy(() -> contexts.dockerfile("Missing.Dockerfile"))
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessage("Cannot locate specified Dockerfile: Missing.Dockerfile");
      assertThatThrownBy(() -> contexts.dockerfile("../Dockerfile"))
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessage("forbidden path outside the build context: ../Dockerfile ()");
      assertThatThrownBy(() -> contexts.dockerfile("escaping"))
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageContaining("outside the build context: escaping");
    }
    try (var contexts = extract(LayerTar.create().file("other", "x"), null)) {
      assertThatThrownBy(() -> contexts.dockerfile(null))
          .hasMessage("Cannot locate specified Dockerfile: Dockerfile");
    }
  }

  @Test
  void namedContexts_areSplitFromTheMainContext() throws IOException {
    var tar =
        LayerTar.create()
            .file("Dockerfile", "FROM scratch\n")
            .file("main.txt", "main")
            .file(".jcompose-contexts/Assets/.dockerignore", "*.tmp\n")
            .file(".jcompose-contexts/Assets/logo.svg", "svg")
            .file(".jcompose-contexts/Assets/draft.tmp", "tmp");
    String parameter = "{\"Assets\":\"tar\",\"base\":\"docker-image://alpine:3.19\"}";
    try (var contexts = extract(tar, parameter)) {
      assertThat(files(contexts.main().root())).containsExactlyInAnyOrder("Dockerfile", "main.txt");
      var assets = (NamedContext.Local) contexts.named("assets").orElseThrow();
      assertThat(files(assets.tree().root()))
          .containsExactlyInAnyOrder(".dockerignore", "logo.svg");
      assertThat(contexts.named("BASE")).contains(new NamedContext.Image("alpine:3.19"));
      assertThat(contexts.named("other")).isEmpty();
    }
  }

  @Test
  void namedContexts_malformedParameterIsRefused() {
    for (String parameter :
        List.of(
            "[]",
            "{not json",
            "{\"a\":1}",
            "{\"a\":\"zip\"}",
            "{\"a\":\"docker-image://\"}",
            "{\"../x\":\"tar\"}",
            "{\"a\":\"tar\",\"A\":\"tar\"}")) {
      assertThatThrownBy(() -> extract(LayerTar.create().file("f", "x"), parameter))
          .as(parameter)
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageStartingWith("invalid x-jcompose-contexts parameter: ");
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> !path.equals(root))
          .filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS))
          .map(path -> root.relativize(path).toString())
          .toList();
    }
  }
}

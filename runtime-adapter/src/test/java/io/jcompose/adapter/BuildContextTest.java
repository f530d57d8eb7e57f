package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context tar with named contexts, read back entry by entry, without a daemon. */
class BuildContextTest {

  @TempDir Path directory;
  private Path main;
  private Path tools;

  @BeforeEach
  void setUp() throws IOException {
    main = Files.createDirectories(directory.resolve("app"));
    Files.writeString(main.resolve("Dockerfile"), "FROM busybox\n");
    Files.writeString(main.resolve("app.txt"), "app\n");
    tools = Files.createDirectories(directory.resolve("real-tools"));
    Files.createDirectories(tools.resolve("bin"));
    Files.writeString(tools.resolve("bin/ls"), "ls\n");
    Files.writeString(tools.resolve("bin/cat"), "cat\n");
    Files.createDirectories(tools.resolve("share/doc"));
    Files.writeString(tools.resolve("share/doc/README"), "doc\n");
    Files.writeString(tools.resolve("secret.key"), "key\n");
    Files.writeString(tools.resolve(".dockerignore"), "*.key\n");
    Files.createSymbolicLink(tools.resolve("bin/list"), Path.of("ls"));
    Files.createSymbolicLink(tools.resolve("docs"), Path.of("share/doc"));
  }

  @Test
  void namedContexts_goUnderJcomposeContextsWithTheirOwnIgnoreRules() throws IOException {
    Map<String, String> entries =
        tar(List.of(new BuildContext.NamedTree("tools", tools, Optional.empty())));

    assertThat(entries)
        .containsEntry("Dockerfile", "FROM busybox\n")
        .containsEntry("app.txt", "app\n")
        .containsEntry(".jcompose-contexts/tools/", "dir")
        .containsEntry(".jcompose-contexts/tools/bin/", "dir")
        .containsEntry(".jcompose-contexts/tools/bin/ls", "ls\n")
        .containsEntry(".jcompose-contexts/tools/bin/list", "-> ls")
        .containsEntry(".jcompose-contexts/tools/docs", "-> share/doc")
        .containsEntry(".jcompose-contexts/tools/share/doc/README", "doc\n")
        .containsEntry(".jcompose-contexts/tools/.dockerignore", "*.key\n")
        .doesNotContainKey(".jcompose-contexts/tools/secret.key");
  }

  @Test
  void aSubset_sendsOnlyThoseSourcesWithTheirParentsAndTheSymlinksOnTheWay() throws IOException {
    Map<String, String> entries =
        tar(
            List.of(
                new BuildContext.NamedTree(
                    "tools",
                    tools,
                    Optional.of(
                        java.util.Set.of("bin/list", "docs/README", "secret.key", "missing")))));

    assertThat(entries.keySet())
        .filteredOn(name -> name.startsWith(".jcompose-contexts/"))
        .containsExactlyInAnyOrder(
            ".jcompose-contexts/tools/",
            ".jcompose-contexts/tools/bin/",
            ".jcompose-contexts/tools/bin/list",
            ".jcompose-contexts/tools/bin/ls",
            ".jcompose-contexts/tools/docs",
            ".jcompose-contexts/tools/share/",
            ".jcompose-contexts/tools/share/doc/",
            ".jcompose-contexts/tools/share/doc/README");
  }

  @Test
  void aSubsetDirectory_isSentWithEverythingBelowIt() throws IOException {
    Map<String, String> entries =
        tar(
            List.of(
                new BuildContext.NamedTree("tools", tools, Optional.of(java.util.Set.of("bin")))));

    assertThat(entries.keySet())
        .filteredOn(name -> name.startsWith(".jcompose-contexts/"))
        .containsExactlyInAnyOrder(
            ".jcompose-contexts/tools/",
            ".jcompose-contexts/tools/bin/",
            ".jcompose-contexts/tools/bin/ls",
            ".jcompose-contexts/tools/bin/cat",
            ".jcompose-contexts/tools/bin/list");
  }

  @Test
  void aSymlinkLeavingANamedContext_isRefused() throws IOException {
    Files.createSymbolicLink(tools.resolve("bin/escape"), Path.of("../../app/app.txt"));

    assertThatThrownBy(
            () -> tar(List.of(new BuildContext.NamedTree("tools", tools, Optional.empty()))))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("the named build context tools")
        .hasMessageContaining("bin/escape");
    assertThatThrownBy(
            () ->
                tar(
                    List.of(
                        new BuildContext.NamedTree(
                            "tools", tools, Optional.of(java.util.Set.of("bin/escape"))))))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("points outside it");
  }

  @Test
  void aMainContextHoldingJcomposeContexts_isRefusedOnlyWhenNamedContextsAreSent()
      throws IOException {
    Files.createDirectories(main.resolve(".jcompose-contexts/tools"));

    assertThat(tar(List.of())).containsKey(".jcompose-contexts/tools/");
    assertThatThrownBy(
            () -> tar(List.of(new BuildContext.NamedTree("tools", tools, Optional.empty()))))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining(".jcompose-contexts/");
  }

  @Test
  void namedContexts_theWireParameterNamesTarAndImageContexts_withASymlinkedRootResolved()
      throws IOException {
    Path linkedRoot = Files.createSymbolicLink(directory.resolve("tools"), Path.of("real-tools"));
    Files.writeString(main.resolve("Dockerfile"), "FROM base\nCOPY --from=tools bin/ls /bin/\n");
    var build =
        new ImageBuild(
            main,
            "Dockerfile",
            List.of("demo-app"),
            Map.of(),
            Optional.empty(),
            Map.of(),
            false,
            false,
            Map.of("tools", linkedRoot.toString(), "base", "docker-image://busybox:1.36"));

    NamedContexts named =
        NamedContexts.of(build, NamedContexts.readDockerfile(main.resolve("Dockerfile")));

    assertThat(named.parameter())
        .isEqualTo("{\"base\":\"docker-image://busybox:1.36\",\"tools\":\"tar\"}");
    assertThat(named.images()).containsExactly("busybox:1.36");
    assertThat(named.trees())
        .containsExactly(
            new BuildContext.NamedTree(
                "tools", tools.toRealPath(), Optional.of(java.util.Set.of("bin/ls"))));
    assertThat(RawBuild.query(build, named.parameter()))
        .isEqualTo(
            "?dockerfile=Dockerfile&t=demo-app&rm=1&forcerm=1&x-jcompose-contexts="
                + "%7B%22base%22%3A%22docker-image%3A%2F%2Fbusybox%3A1.36%22%2C%22tools%22%3A%22tar%22%7D");
  }

  /** The tar's entries: name to content, {@code dir}, or {@code -> target}. */
  private Map<String, String> tar(List<BuildContext.NamedTree> named) throws IOException {
    var bytes = new ByteArrayOutputStream();
    new BuildContext(main, "Dockerfile").writeTar(bytes, named);
    var entries = new LinkedHashMap<String, String>();
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String value =
            entry.isDirectory()
                ? "dir"
                : entry.isSymbolicLink()
                    ? "-> " + entry.getLinkName()
                    : new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(entries.put(entry.getName(), value)).as("one entry " + entry.getName()).isNull();
      }
    }
    return entries;
  }
}

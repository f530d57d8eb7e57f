package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same Dockerfile and context built by dockerd's classic builder and by the bundled engine give
 * images a user cannot tell apart: the same config (cmd, entrypoint, env, workdir, user, labels,
 * exposed ports, volumes, healthcheck, stop signal) and the same files (type, mode, owner, link
 * target, content), and the same output when run.
 */
@Timeout(600)
class BuilderParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Files the daemons add to every container (or its export), not part of what was built. */
  private static final List<String> RUNTIME_FILES =
      List.of(".dockerenv", "etc/hosts", "etc/hostname", "etc/resolv.conf", "etc/mtab");

  private static final List<String> RUNTIME_TREES = List.of("dev/", "proc/", "sys/");

  private static final String DOCKERFILE =
      """
      ARG BASE
      FROM $BASE AS tools
      ARG RUN_ID
      LABEL jcompose.test.parity=$RUN_ID
      RUN mkdir -p /out && echo built > /out/built.txt && chmod 751 /out/built.txt

      FROM $BASE
      ARG RUN_ID
      ARG VERSION=1.0
      ENV APP_HOME=/srv/app GREETING="hello world"
      LABEL org.example.version=$VERSION org.example.name="parity" jcompose.test.parity=$RUN_ID
      WORKDIR $APP_HOME
      COPY app/ ./
      COPY --chown=1000:1000 data.txt /data/
      COPY --from=tools /out/built.txt /srv/built.txt
      ADD archive.tar.gz /opt/
      RUN echo "$GREETING, $VERSION" > greeting.txt && chmod 644 greeting.txt \\
          && ln -s greeting.txt link.txt && rm -f remove-me.txt
      EXPOSE 8080 53/udp
      VOLUME /data
      USER 1000:1000
      HEALTHCHECK --interval=5s --retries=2 CMD true
      STOPSIGNAL SIGTERM
      ENTRYPOINT ["/bin/sh", "-c"]
      CMD ["cat greeting.txt"]
      """;

  private final String runId = "jcb-" + UUID.randomUUID().toString().substring(0, 8);
  private final String base = "jcetest/" + runId + "-base:1";
  private final String built = "jcetest/" + runId + "-app:1";
  private Path directory;
  private BundledEngine engine;

  @BeforeEach
  void startEngine() throws Exception {
    directory = Files.createTempDirectory("jce-parity-").toRealPath();
    engine = BundledEngine.start(Files.createDirectories(directory.resolve("engine")).resolve("s"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    try {
      if (engine != null) {
        engine.close();
      }
    } finally {
      try {
        removeFromDockerd();
      } finally {
        deleteTree(directory);
      }
    }
  }

  @Test
  void theSameDockerfile_givesTheSameConfigAndFiles_onDockerdAndOnTheEngine() throws Exception {
    Path context = writeContext(directory.resolve("context"));
    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));

    Map<String, String> dockerd = dockerdEnvironment();
    Map<String, String> bundled = engine.clientEnvironment();
    for (Map<String, String> daemon : List.of(dockerd, bundled)) {
      ok(daemon, "import", "--change", "ENV PATH=/bin", rootfs.toString(), base);
      ok(
          daemon,
          "build",
          "-q",
          "--build-arg",
          "BASE=" + base,
          "--build-arg",
          "RUN_ID=" + runId,
          "--build-arg",
          "VERSION=2.0",
          "-t",
          built,
          context.toString());
    }

    JsonNode fromDockerd = config(dockerd);
    JsonNode fromEngine = config(bundled);
    for (String field :
        List.of(
            "Cmd",
            "Entrypoint",
            "Env",
            "WorkingDir",
            "User",
            "Labels",
            "ExposedPorts",
            "Volumes",
            "Healthcheck",
            "StopSignal")) {
      assertThat(fromEngine.get(field)).as(field).isEqualTo(fromDockerd.get(field));
    }
    assertThat(fromEngine.get("WorkingDir").asText()).isEqualTo("/srv/app");
    assertThat(fromEngine.get("Labels").get("org.example.version").asText()).isEqualTo("2.0");

    Map<String, String> dockerdFiles = files(dockerd);
    Map<String, String> engineFiles = files(bundled);
    assertThat(engineFiles).isEqualTo(dockerdFiles);
    assertThat(engineFiles)
        .containsKeys(
            "srv/app/index.html",
            "srv/app/greeting.txt",
            "srv/app/link.txt",
            "data/data.txt",
            "srv/built.txt",
            "opt/unpacked/inside.txt")
        .doesNotContainKeys("srv/app/secret.txt", "srv/app/remove-me.txt");

    for (Map<String, String> daemon : List.of(dockerd, bundled)) {
      assertThat(ok(daemon, "run", "--rm", built).out()).isEqualTo("hello world, 2.0\n");
    }
  }

  private Path writeContext(Path context) throws IOException {
    Files.createDirectories(context.resolve("app/sub"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(context.resolve(".dockerignore"), "app/secret.txt\n");
    Files.writeString(context.resolve("app/index.html"), "<h1>parity</h1>\n");
    Files.writeString(context.resolve("app/sub/script.sh"), "#!/bin/sh\necho script\n");
    context.resolve("app/sub/script.sh").toFile().setExecutable(true, false);
    Files.writeString(context.resolve("app/secret.txt"), "must not be sent\n");
    Files.writeString(context.resolve("app/remove-me.txt"), "removed by RUN\n");
    Files.writeString(context.resolve("data.txt"), "owned by 1000\n");
    try (OutputStream file = Files.newOutputStream(context.resolve("archive.tar.gz"));
        var tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      var dir = new TarArchiveEntry("unpacked/");
      dir.setMode(040755);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      byte[] inside = "from the archive\n".getBytes(StandardCharsets.UTF_8);
      var entry = new TarArchiveEntry("unpacked/inside.txt");
      entry.setMode(0100604);
      entry.setSize(inside.length);
      entry.setIds(42, 43);
      tar.putArchiveEntry(entry);
      tar.write(inside);
      tar.closeArchiveEntry();
    }
    return context;
  }

  private JsonNode config(Map<String, String> daemon) throws Exception {
    return JSON.readTree(
        ok(daemon, "image", "inspect", "--format", "{{json .Config}}", built).out());
  }

  /**
   * The files of the built image as a container of it shows them (docker export): path to type,
   * mode, owner, link target and content digest; mtimes differ by nature and are left out.
   */
  private Map<String, String> files(Map<String, String> daemon) throws Exception {
    String container = ok(daemon, "create", built).out().strip();
    Path export = directory.resolve("export-" + UUID.randomUUID() + ".tar");
    try {
      ok(daemon, "export", "-o", export.toString(), container);
    } finally {
      ok(daemon, "rm", container);
    }
    var files = new TreeMap<String, String>();
    try (InputStream in = Files.newInputStream(export);
        var tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextTarEntry()) != null) {
        String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
        if (name.isEmpty() || addedByTheRuntime(name, entry.isDirectory())) {
          continue;
        }
        String content = entry.isFile() ? sha256(tar.readAllBytes()) : "";
        files.put(
            name,
            String.format(
                "%s %o %d:%d %s %s",
                entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : "f",
                entry.getMode() & 07777,
                entry.getLongUserId(),
                entry.getLongGroupId(),
                entry.getLinkName(),
                content));
      }
    }
    Files.delete(export);
    return files;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static boolean addedByTheRuntime(String name, boolean directory) {
    if (RUNTIME_FILES.contains(name)) {
      return true;
    }
    String asDirectory = name + "/";
    return RUNTIME_TREES.stream()
        .anyMatch(tree -> asDirectory.equals(tree) || name.startsWith(tree));
  }

  private Map<String, String> dockerdEnvironment() {
    String host = System.getenv("JCOMPOSE_TEST_DOCKER_HOST");
    assertThat(host).as("JCOMPOSE_TEST_DOCKER_HOST (set by scripts/test.sh)").isNotBlank();
    var environment = new HashMap<String, String>();
    environment.put("DOCKER_HOST", host);
    environment.put("DOCKER_API_VERSION", null);
    environment.put("DOCKER_CONTEXT", null);
    environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    return environment;
  }

  private CommandRun ok(Map<String, String> daemon, String... args) throws Exception {
    CommandRun run = docker(daemon, args);
    assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
    return run;
  }

  private CommandRun docker(Map<String, String> daemon, String... args) throws Exception {
    var command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    var environment = new HashMap<>(daemon);
    environment.put("DOCKER_BUILDKIT", "0");
    return CommandRun.run(command, directory, environment, Duration.ofMinutes(3));
  }

  /** The images this test made on dockerd: the result, both stages' images, the base. */
  private void removeFromDockerd() throws Exception {
    if (System.getenv("JCOMPOSE_TEST_DOCKER_HOST") == null || directory == null) {
      return;
    }
    Map<String, String> dockerd = dockerdEnvironment();
    var images = new ArrayList<String>();
    images.add(built);
    images.addAll(
        docker(dockerd, "images", "-q", "--filter", "label=jcompose.test.parity=" + runId)
            .out()
            .lines()
            .toList());
    images.add(base);
    for (String image : images) {
      docker(dockerd, "rmi", "-f", image);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}

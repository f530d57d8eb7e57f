package io.jcompose.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.http.ServerNotice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real docker CLI (28.2.2) against a running engine on a temporary socket. */
@Timeout(120)
class DockerCliTest {

  private Path directory;
  private Path socket;
  private Path dataRoot;
  private final List<ServerNotice> notices = new CopyOnWriteArrayList<>();
  private EngineDaemon daemon;

  @BeforeEach
  void start() throws IOException {
    directory = Files.createTempDirectory("jce-cli");
    socket = directory.resolve("engine.sock");
    dataRoot = directory.resolve("data");
    daemon =
        EngineDaemon.start(
            new EngineOptions(socket, dataRoot, ApiVersions.DEFAULT)
                .withHost(IsolatedHost.in(directory)),
            notices::add);
  }

  @AfterEach
  void stop() throws IOException {
    try {
      daemon.close();
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private DockerCli.Run docker(String... args) throws Exception {
    return new DockerCli(socket, directory).run(args);
  }

  private static String seconds(Instant time) {
    return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
  }

  @Test
  void versionNegotiatesApi144() throws Exception {
    DockerCli.Run version = docker("version");

    assertThat(version.exitCode()).as(version.stderr()).isZero();
    assertThat(version.stdout())
        .contains("API version:       1.44 (downgraded from")
        .contains("Version:          25.0.0-jcompose")
        .containsPattern("API version:\\s+1\\.44 \\(minimum version 1\\.24\\)");
    assertThat(docker("version", "--format", "{{.Server.APIVersion}}").stdout().strip())
        .isEqualTo("1.44");
  }

  @Test
  void infoDescribesTheEngine() throws Exception {
    DockerCli.Run info = docker("info");

    assertThat(info.exitCode()).as(info.stderr()).isZero();
    assertThat(info.stdout())
        .contains("Server Version: 25.0.0-jcompose")
        .contains("Docker Root Dir: " + dataRoot)
        .contains("OSType: linux")
        .contains("Storage Driver: overlay2");
    assertThat(docker("info", "--format", "{{.OSType}} {{.NCPU}}").stdout().strip())
        .isEqualTo("linux " + Runtime.getRuntime().availableProcessors());
    assertThat(notices).isEmpty();
  }

  @Test
  void theSocketIsGroupReadableOnly() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
        .isEqualTo("rw-rw----");
  }

  @Test
  void volumesAreCreatedListedFilteredInspectedAndRemoved() throws Exception {
    assertThat(
            docker("volume", "create", "--label", "tier=db", "--label", "keep", "cli-data")
                .stdout())
        .isEqualTo("cli-data\n");
    assertThat(docker("volume", "create", "cli-cache").exitCode()).isZero();

    assertThat(docker("volume", "ls", "-q").stdout()).isEqualTo("cli-cache\ncli-data\n");
    assertThat(docker("volume", "ls", "-q", "--filter", "label=tier=db").stdout())
        .isEqualTo("cli-data\n");
    assertThat(
            docker("volume", "ls", "-q", "--filter", "label=keep", "--filter", "name=cli").stdout())
        .isEqualTo("cli-data\n");
    assertThat(
            docker("volume", "ls", "-q", "--filter", "dangling=true", "--filter", "driver=local")
                .stdout())
        .isEqualTo("cli-cache\ncli-data\n");
    assertThat(
            docker(
                    "volume",
                    "inspect",
                    "--format",
                    "{{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}",
                    "cli-data")
                .stdout())
        .isEqualTo(
            "cli-data local "
                + dataRoot.resolve("volumes/cli-data/_data")
                + " {\"keep\":\"\",\"tier\":\"db\"}\n");

    assertThat(docker("volume", "rm", "cli-data").stdout()).isEqualTo("cli-data\n");
    DockerCli.Run missing = docker("volume", "inspect", "cli-data");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).contains("get cli-data: no such volume");
    assertThat(dataRoot.resolve("volumes/cli-data")).doesNotExist();
  }

  @Test
  void systemEventsReplaysTheVolumeEventsBetweenSinceAndUntil() throws Exception {
    Instant since = Instant.now();
    docker("volume", "create", "ev-one");
    docker("volume", "create", "ev-two");
    docker("volume", "rm", "ev-one");
    Instant until = Instant.now();

    DockerCli.Run events =
        docker(
            "system",
            "events",
            "--since",
            seconds(since),
            "--until",
            seconds(until),
            "--format",
            "{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}");

    assertThat(events.exitCode()).as(events.stderr()).isZero();
    assertThat(events.stdout())
        .isEqualTo(
            "volume create ev-one local\n"
                + "volume create ev-two local\n"
                + "volume destroy ev-one local\n");
    DockerCli.Run destroys =
        docker(
            "events",
            "--since",
            seconds(since),
            "--until",
            seconds(until),
            "--filter",
            "event=destroy",
            "--format",
            "{{.Actor.ID}}");
    assertThat(destroys.stdout()).isEqualTo("ev-one\n");
  }
}

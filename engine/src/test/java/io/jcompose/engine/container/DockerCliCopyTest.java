package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real docker CLI copies files and directories into and out of containers ({@code cp}). */
class DockerCliCopyTest extends EngineTestBase {

  @Test
  void cpIntoARunningContainer_fileAndDirectory_areSeenInside() throws Exception {
    Path local = Files.createTempDirectory(engine.directory, "cp-in-");
    Files.writeString(local.resolve("note.txt"), "into running\n");
    Path tree = Files.createDirectories(local.resolve("tree").resolve("inner"));
    Files.writeString(tree.resolve("deep.txt"), "deep\n");
    assertThat(
            engine
                .docker("run", "-d", "--name", "cp-running", "busybox", "sh", "-c", "sleep 1000")
                .exitCode())
        .isZero();

    DockerCli.Run file =
        engine.docker("cp", local.resolve("note.txt").toString(), "cp-running:/tmp/");
    DockerCli.Run directory =
        engine.docker("cp", local.resolve("tree").toString(), "cp-running:/tmp/copied");

    assertThat(file.exitCode()).as(file.stderr()).isZero();
    assertThat(directory.exitCode()).as(directory.stderr()).isZero();
    assertThat(engine.docker("exec", "cp-running", "cat", "/tmp/note.txt").stdout())
        .isEqualTo("into running\n");
    assertThat(engine.docker("exec", "cp-running", "cat", "/tmp/copied/inner/deep.txt").stdout())
        .isEqualTo("deep\n");
    assertThat(engine.docker("rm", "-f", "cp-running").exitCode()).isZero();
  }

  @Test
  void cpIntoACreatedContainer_isThereWhenItStarts() throws Exception {
    Path local = Files.createTempDirectory(engine.directory, "cp-created-");
    Path tree = Files.createDirectories(local.resolve("config"));
    Files.writeString(tree.resolve("app.conf"), "setting=1\n");
    Files.writeString(local.resolve("single.txt"), "single\n");
    assertThat(
            engine
                .docker(
                    "create",
                    "--name",
                    "cp-created",
                    "busybox",
                    "sh",
                    "-c",
                    "cat /etc/app/app.conf /single.txt")
                .exitCode())
        .isZero();

    DockerCli.Run directory = engine.docker("cp", tree.toString(), "cp-created:/etc/app");
    DockerCli.Run file =
        engine.docker("cp", local.resolve("single.txt").toString(), "cp-created:/");

    assertThat(directory.exitCode()).as(directory.stderr()).isZero();
    assertThat(file.exitCode()).as(file.stderr()).isZero();
    DockerCli.Run run = engine.docker("start", "-a", "cp-created");
    assertThat(run.stdout()).as(run.stderr()).isEqualTo("setting=1\nsingle\n");
    assertThat(engine.docker("rm", "cp-created").exitCode()).isZero();
  }

  @Test
  void cpOutOfRunningAndExitedContainers_andOutOfAVolume() throws Exception {
    Path local = Files.createTempDirectory(engine.directory, "cp-out-");
    assertThat(
            engine
                .docker(
                    "run",
                    "-d",
                    "--name",
                    "cp-source",
                    "-v",
                    "cp-volume:/data",
                    "busybox",
                    "sh",
                    "-c",
                    "busybox mkdir -p /out/sub; echo made > /out/sub/made.txt; echo kept > /data/kept.txt;"
                        + " : > /ready; sleep 1000")
                .exitCode())
        .isZero();
    awaitFile("cp-source", "/ready");

    DockerCli.Run hostname =
        engine.docker("cp", "cp-source:/etc/hostname", local.resolve("hostname").toString());
    DockerCli.Run directory =
        engine.docker("cp", "cp-source:/out", local.resolve("out").toString());
    DockerCli.Run fromVolume =
        engine.docker("cp", "cp-source:/data/kept.txt", local.resolve("kept.txt").toString());

    assertThat(hostname.exitCode()).as(hostname.stderr()).isZero();
    assertThat(Files.readString(local.resolve("hostname")))
        .isEqualTo(
            engine.docker("inspect", "--format", "{{.Config.Hostname}}", "cp-source").stdout());
    assertThat(directory.exitCode()).as(directory.stderr()).isZero();
    assertThat(Files.readString(local.resolve("out/sub/made.txt"))).isEqualTo("made\n");
    assertThat(fromVolume.exitCode()).as(fromVolume.stderr()).isZero();
    assertThat(Files.readString(local.resolve("kept.txt"))).isEqualTo("kept\n");

    assertThat(engine.docker("stop", "-t", "0", "cp-source").exitCode()).isZero();
    DockerCli.Run exited =
        engine.docker("cp", "cp-source:/out/sub/made.txt", local.resolve("after.txt").toString());
    assertThat(exited.exitCode()).as(exited.stderr()).isZero();
    assertThat(Files.readString(local.resolve("after.txt"))).isEqualTo("made\n");
    DockerCli.Run exitedVolume =
        engine.docker(
            "cp", "cp-source:/data/kept.txt", local.resolve("after-volume.txt").toString());
    assertThat(exitedVolume.exitCode()).as(exitedVolume.stderr()).isZero();
    assertThat(Files.readString(local.resolve("after-volume.txt"))).isEqualTo("kept\n");

    DockerCli.Run contents =
        engine.docker("cp", "cp-source:/out/.", local.resolve("contents").toString());
    assertThat(contents.exitCode()).as(contents.stderr()).isZero();
    assertThat(Files.readString(local.resolve("contents/sub/made.txt"))).isEqualTo("made\n");
    Files.writeString(local.resolve("late.txt"), "late\n");
    DockerCli.Run intoExited =
        engine.docker("cp", local.resolve("late.txt").toString(), "cp-source:/out/sub/");
    assertThat(intoExited.exitCode()).as(intoExited.stderr()).isZero();
    DockerCli.Run roundTrip =
        engine.docker("cp", "cp-source:/out/sub/late.txt", local.resolve("back.txt").toString());
    assertThat(roundTrip.exitCode()).as(roundTrip.stderr()).isZero();
    assertThat(Files.readString(local.resolve("back.txt"))).isEqualTo("late\n");

    DockerCli.Run missing = engine.docker("cp", "cp-source:/no/such/file", local.toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr()).contains("Could not find the file /no/such/file");
    assertThat(engine.docker("rm", "-v", "cp-source").exitCode()).isZero();
    assertThat(engine.docker("volume", "rm", "cp-volume").exitCode()).isZero();
  }

  @Test
  void cpIntoABindMount_writesTheHostDirectory() throws Exception {
    Path bound = Files.createTempDirectory(engine.directory, "cp-bind-");
    Path local = Files.createTempFile(engine.directory, "cp-bind-file-", ".txt");
    Files.writeString(local, "through the bind\n");
    assertThat(
            engine
                .docker(
                    "create", "--name", "cp-bind", "-v", bound + ":/mnt/bound", "busybox", "true")
                .exitCode())
        .isZero();

    DockerCli.Run copy = engine.docker("cp", local.toString(), "cp-bind:/mnt/bound/arrived.txt");

    assertThat(copy.exitCode()).as(copy.stderr()).isZero();
    assertThat(Files.readString(bound.resolve("arrived.txt"), StandardCharsets.UTF_8))
        .isEqualTo("through the bind\n");
    assertThat(engine.docker("rm", "cp-bind").exitCode()).isZero();
  }

  private void awaitFile(String container, String path) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (engine.docker("exec", container, "sh", "-c", "test -e " + path).exitCode() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " did not appear in " + container);
  }

  @Test
  void export_givesTheContainersFiles_butNotWhatItsVolumeHolds() throws Exception {
    Path local = Files.createTempDirectory(engine.directory, "export-");
    DockerCli.Run run =
        engine.docker(
            "run",
            "--name",
            "cp-export",
            "-v",
            "cp-export-volume:/data",
            "busybox",
            "sh",
            "-c",
            "echo exported > /made.txt; echo in-volume > /data/kept.txt");
    assertThat(run.exitCode()).as(run.stderr()).isZero();

    Path tar = local.resolve("export.tar");
    DockerCli.Run export = engine.docker("export", "-o", tar.toString(), "cp-export");

    assertThat(export.exitCode()).as(export.stderr()).isZero();
    var names = new java.util.HashMap<String, String>();
    try (var in =
        new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
            Files.newInputStream(tar))) {
      org.apache.commons.compress.archivers.tar.TarArchiveEntry entry;
      while ((entry = in.getNextTarEntry()) != null) {
        String name = entry.getName().replaceFirst("^\\./", "");
        names.put(
            name, entry.isFile() ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
      }
    }
    assertThat(names).containsEntry("made.txt", "exported\n").containsKey("bin/busybox");
    assertThat(names).doesNotContainKey("data/kept.txt");
    assertThat(engine.docker("rm", "cp-export").exitCode()).isZero();
    assertThat(engine.docker("volume", "rm", "cp-export-volume").exitCode()).isZero();
  }
}

package io.jcompose.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.container.NetworkAttachments;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.http.TestServer;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.image.ImageUsers;
import io.jcompose.engine.image.ImagesRouter;
import io.jcompose.engine.network.Cidr;
import io.jcompose.engine.network.HostNamespace;
import io.jcompose.engine.network.NetworkSettings;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.network.NetworksRouter;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.testimage.BusyboxImage;
import io.jcompose.engine.testimage.TemporaryTrees;
import io.jcompose.engine.testimage.TestMounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real docker CLI drives the /images and /networks routes. */
@Timeout(180)
class ImagesAndNetworksCliTest {

  private Path directory;
  private Networks networks;
  private TestServer server;
  private DockerCli docker;
  private final List<String> connects = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    directory = Files.createTempDirectory("jce-images-cli");
    Path data = directory.resolve("data");
    Clock clock = Clock.systemUTC();
    var content = ContentStore.open(data);
    var snapshots = Snapshotter.open(data, data.resolve("containers"));
    var images = ImageStore.open(data, content, snapshots, ImageUsers.NONE, clock);
    var events = new EventBus(clock, 1000);
    networks =
        Networks.open(
            data.resolve("networks"),
            NetworkSettings.defaults()
                .withNamePrefix("jct" + Long.toString(System.nanoTime() % 1000, 36))
                .withPool(Cidr.parse("10.214.0.0/16"), 24),
            HostNamespace.current(),
            Thread::new,
            clock,
            event -> {});
    NetworkAttachments attachments =
        new NetworkAttachments() {
          @Override
          public void connect(
              String network, String container, List<String> aliases, Optional<String> address) {
            connects.add("connect " + network + " " + container + " " + aliases + " " + address);
          }

          @Override
          public void disconnect(String network, String container, boolean force) {
            connects.add("disconnect " + network + " " + container + " " + force);
          }
        };
    server =
        TestServer.start(
            new ImagesRouter(images, events), new NetworksRouter(networks, attachments));
    docker = new DockerCli(server.socket, directory);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      server.close();
      networks.close();
    } finally {
      TestMounts.unmountAll(directory);
      TemporaryTrees.clear(directory);
      Files.deleteIfExists(directory);
    }
  }

  @Test
  void loadImagesInspectTagSaveAndRemove() throws Exception {
    Path archive = directory.resolve("busybox.tar");
    Files.write(archive, BusyboxImage.create().tags("local/busybox:1").dockerArchive());

    var load = docker.run("load", "-i", archive.toString());
    assertThat(load.exitCode()).as(load.toString()).isZero();
    assertThat(load.stdout()).contains("Loaded image: local/busybox:1");

    var images = docker.run("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}");
    assertThat(images.stdout()).contains("local/busybox:1 ");

    var inspect =
        docker.run(
            "image",
            "inspect",
            "--format",
            "{{.Os}}/{{.Architecture}} {{.RootFS.Type}}",
            "local/busybox:1");
    assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
    assertThat(inspect.stdout().strip()).isEqualTo("linux/amd64 layers");

    assertThat(docker.run("tag", "local/busybox:1", "local/busybox:copy").exitCode()).isZero();
    assertThat(docker.run("images", "-q", "local/busybox").stdout().lines().distinct()).hasSize(1);

    Path saved = directory.resolve("saved.tar");
    var save = docker.run("save", "-o", saved.toString(), "local/busybox:copy");
    assertThat(save.exitCode()).as(save.toString()).isZero();
    assertThat(Files.size(saved)).isPositive();

    var untag = docker.run("rmi", "local/busybox:copy");
    assertThat(untag.stdout()).contains("Untagged: local/busybox:copy").doesNotContain("Deleted");
    var remove = docker.run("rmi", "local/busybox:1");
    assertThat(remove.stdout()).contains("Untagged: local/busybox:1").contains("Deleted: sha256:");
    var gone = docker.run("image", "inspect", "local/busybox:1");
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.stderr()).containsIgnoringCase("no such image");

    var reload = docker.run("load", "-i", saved.toString());
    assertThat(reload.stdout()).contains("Loaded image: local/busybox:copy");
  }

  @Test
  void importARootfsTar_andRefuseAPullWithAClearMessage() throws Exception {
    Path rootfs = directory.resolve("rootfs.tar");
    Files.write(rootfs, BusyboxImage.create().layers().get(0));

    var imported =
        docker.run("import", "--change", "CMD [\"sh\"]", rootfs.toString(), "local/imported:1");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.stdout()).startsWith("sha256:");
    var cmd =
        docker.run("image", "inspect", "--format", "{{json .Config.Cmd}}", "local/imported:1");
    assertThat(cmd.stdout().strip()).isEqualTo("[\"sh\"]");

    var pull = docker.run("pull", "example.invalid/nothing:1");
    assertThat(pull.exitCode()).isNotZero();
    assertThat(pull.stderr()).contains("cannot pull from registries");
  }

  @Test
  void networkCreateListInspectConnectAndRemove() throws Exception {
    var create =
        docker.run(
            "network", "create", "--label", "team=a", "--subnet", "10.214.77.0/24", "backend");
    assertThat(create.exitCode()).as(create.toString()).isZero();
    String id = create.stdout().strip();
    assertThat(id).hasSize(64);

    assertThat(docker.run("network", "ls", "--format", "{{.Name}}").stdout().lines())
        .contains("bridge", "host", "none", "backend");
    assertThat(docker.run("network", "ls", "-q", "--filter", "label=team=a").stdout().strip())
        .isEqualTo(id.substring(0, 12));
    var inspect =
        docker.run(
            "network",
            "inspect",
            "--format",
            "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}",
            "backend");
    assertThat(inspect.stdout().strip()).isEqualTo("10.214.77.0/24 10.214.77.1");

    var duplicate = docker.run("network", "create", "backend");
    assertThat(duplicate.exitCode()).isNotZero();
    assertThat(duplicate.stderr()).contains("already exists");

    assertThat(docker.run("network", "connect", "--alias", "api", "backend", "web").exitCode())
        .isZero();
    assertThat(docker.run("network", "disconnect", "-f", "backend", "web").exitCode()).isZero();
    assertThat(connects)
        .containsExactly("connect backend web [api] Optional.empty", "disconnect backend web true");

    assertThat(docker.run("network", "rm", "backend").exitCode()).isZero();
    assertThat(docker.run("network", "inspect", "backend").stderr()).contains("not found");
    var predefined = docker.run("network", "rm", "bridge");
    assertThat(predefined.exitCode()).isNotZero();
  }
}

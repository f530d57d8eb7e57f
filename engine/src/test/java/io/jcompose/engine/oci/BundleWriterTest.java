package io.jcompose.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

  /** Like this host's: nofile capped at 20000, every capability but CAP_SYS_RESOURCE. */
  private static final EngineLimits LIMITS =
      new EngineLimits(
          Map.of("RLIMIT_NOFILE", 20000L),
          false,
          Capabilities.LINUX_ALL.stream()
              .filter(name -> !name.equals("CAP_SYS_RESOURCE"))
              .collect(Collectors.toSet()));

  private static final Path TINI = Path.of("/usr/bin/tini-static");

  @TempDir Path directory;
  private Path rootfs;
  private Path bundle;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void createRootfs() throws Exception {
    rootfs = Files.createDirectories(directory.resolve("rootfs/etc"));
    rootfs = rootfs.getParent();
    Files.writeString(rootfs.resolve("etc/passwd"), "web:x:33:33::/var/www:/bin/sh\n");
    Files.writeString(rootfs.resolve("etc/group"), "www:x:33:\nlog:x:4:web\n");
    bundle = directory.resolve("bundle");
  }

  @Test
  void write_aFullyConfiguredProcess_matchesTheGoldenConfig() throws Exception {
    var process =
        new ContainerProcess(
            new Command(List.of("httpd", "-f"), List.of("GREETING=hi", "PATH=/bin"), "/www", false),
            UserSpec.parse("web"),
            "web-1",
            new Capabilities(false, List.of("NET_ADMIN"), List.of("MKNOD")),
            List.of(Rlimit.of("nofile", 1024, 1048576), Rlimit.of("core", 0, 0)),
            new Filesystem(
                true,
                List.of(
                    new Mount.Tmpfs("/run/cache", OptionalLong.of(1 << 20), OptionalInt.of(01777)),
                    new Mount.Bind(Path.of("/srv/data"), "/data", false),
                    new Mount.Bind(Path.of("/srv/conf"), "/etc/app", true)),
                new HostFiles(
                    Optional.of(Path.of("/var/lib/jcompose/c1/resolv.conf")),
                    Optional.of(Path.of("/var/lib/jcompose/c1/hosts")),
                    Optional.of(Path.of("/var/lib/jcompose/c1/hostname"))),
                128L * 1024 * 1024),
            new Namespaces(
                new NamespaceChoice.Join(Path.of("/var/run/netns/jcompose-c1")),
                NamespaceChoice.PRIVATE,
                NamespaceChoice.HOST),
            CgroupResources.unlimited("/jcompose/c1")
                .withMemory(64L * 1024 * 1024, OptionalLong.empty())
                .withMemoryReservation(32L * 1024 * 1024)
                .withPidsLimit(100)
                .withCpu(CpuLimit.ofNanoCpus(1_500_000_000L).withCpuset("0", "0")),
            List.of(new DeviceNode("/dev/mynull", "c", 1, 3, 0666, 0, 0, "rwm")),
            Map.of("net.ipv4.ip_unprivileged_port_start", "0"),
            true);

    Path config =
        new BundleWriter(LIMITS, Optional.of(TINI), CgroupHost.V1).write(bundle, rootfs, process);

    assertThat(config).isEqualTo(bundle.resolve("config.json"));
    String golden =
        new String(
            getClass().getResourceAsStream("golden-config.json").readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(json.readTree(Files.readString(config).replace(rootfs.toString(), "<rootfs>")))
        .isEqualTo(json.readTree(golden));
  }

  @Test
  void write_defaults_areDockersAndJoinNoNamespace() throws Exception {
    var process = ContainerProcess.of(Command.of("sh"), "box", "/jcompose/c2");

    JsonNode config =
        json.readTree(
            new BundleWriter(LIMITS, Optional.empty(), CgroupHost.V1)
                .write(bundle, rootfs, process)
                .toFile());

    assertThat(config.at("/process/user/uid").asLong()).isZero();
    assertThat(config.at("/process/args")).hasSize(1);
    assertThat(config.at("/process/env").toString())
        .contains("HOSTNAME=box", "PATH=/usr/local/sbin");
    assertThat(config.at("/process/capabilities/bounding")).hasSize(14);
    assertThat(config.at("/process/rlimits").isMissingNode()).isTrue();
    assertThat(config.at("/root/readonly").asBoolean()).isFalse();
    assertThat(config.at("/linux/namespaces").toString())
        .isEqualTo(
            "[{\"type\":\"pid\"},{\"type\":\"network\"},{\"type\":\"ipc\"},{\"type\":\"uts\"},"
                + "{\"type\":\"mount\"}]");
    assertThat(config.at("/linux/resources").toString())
        .isEqualTo("{\"devices\":[{\"allow\":false,\"access\":\"rwm\"}]}");
    assertThat(config.at("/linux/maskedPaths")).isNotEmpty();
  }

  @Test
  void write_followsTheHostsCgroups_namespaceOomKillerSwitchAndSwapLimit() throws Exception {
    var process =
        ContainerProcess.of(Command.of("sh"), "box", "/jcompose/c5")
            .withResources(
                CgroupResources.unlimited("/jcompose/c5")
                    .withMemory(16L << 20, OptionalLong.empty())
                    .withOomKillerDisabled(true));

    JsonNode v2 =
        json.readTree(
            new BundleWriter(LIMITS, Optional.empty(), CgroupHost.V2)
                .write(bundle, rootfs, process)
                .toFile());
    JsonNode v1 =
        json.readTree(
            new BundleWriter(LIMITS, Optional.empty(), CgroupHost.V1)
                .write(bundle, rootfs, process)
                .toFile());

    assertThat(v2.at("/linux/namespaces").toString()).contains("{\"type\":\"cgroup\"}");
    assertThat(v2.at("/linux/resources/memory").toString())
        .isEqualTo("{\"limit\":16777216,\"swap\":33554432}");
    assertThat(v1.at("/linux/namespaces").toString()).doesNotContain("cgroup");
    assertThat(v1.at("/linux/resources/memory/disableOOMKiller").asBoolean()).isTrue();
    JsonNode withoutSwapAccounting =
        json.readTree(
            new BundleWriter(LIMITS, Optional.empty(), new CgroupHost(false, false))
                .write(bundle, rootfs, process)
                .toFile());
    assertThat(withoutSwapAccounting.at("/linux/resources/memory").toString())
        .isEqualTo("{\"limit\":16777216,\"disableOOMKiller\":true}");
  }

  @Test
  void write_privileged_grantsHeldCapabilitiesAllDevicesAndNoMaskedPaths() throws Exception {
    var process =
        ContainerProcess.of(Command.of("sh"), "box", "/jcompose/c3")
            .withCapabilities(new Capabilities(true, List.of(), List.of()));

    JsonNode config =
        json.readTree(
            new BundleWriter(LIMITS, Optional.empty()).write(bundle, rootfs, process).toFile());

    assertThat(config.at("/process/capabilities/effective"))
        .hasSize(Capabilities.LINUX_ALL.size() - 1);
    assertThat(config.at("/linux/resources/devices/0/allow").asBoolean()).isTrue();
    assertThat(config.at("/linux/maskedPaths").isMissingNode()).isTrue();
    assertThat(config.at("/linux/readonlyPaths").isMissingNode()).isTrue();
  }

  @Test
  void write_initWithoutTini_isUnavailable_andAnUnknownUserIsInvalid() {
    var process = ContainerProcess.of(Command.of("sh"), "box", "/jcompose/c4");
    var writer = new BundleWriter(LIMITS, Optional.empty());

    assertThatThrownBy(() -> writer.write(bundle, rootfs, process.withInit(true)))
        .isInstanceOf(EngineFault.Unavailable.class)
        .hasMessageContaining("apt-get install -y tini");
    assertThatThrownBy(
            () -> writer.write(bundle, rootfs, process.withUser(UserSpec.parse("ghost"))))
        .isInstanceOf(EngineFault.InvalidArgument.class);
  }

  @Test
  void records_rejectWhatRuncWouldFailOnLater() {
    assertThatThrownBy(() -> new Command(List.of(), List.of(), "/", false))
        .hasMessage("No command specified");
    assertThatThrownBy(() -> new Command(List.of("sh"), List.of(), "tmp", false))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(() -> new Mount.Bind(Path.of("/a"), "/x/../etc", true))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(() -> CgroupResources.unlimited("relative/c1"))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(
            () ->
                Filesystem.DEFAULT.withMounts(
                    List.of(Mount.Tmpfs.at("/tmp"), new Mount.Bind(Path.of("/a"), "/tmp", false))))
        .hasMessage("Duplicate mount point: /tmp");
    assertThatThrownBy(() -> ContainerProcess.of(Command.of("sh"), "bad_host!", "/jcompose/c5"))
        .isInstanceOf(EngineFault.InvalidArgument.class);
  }
}

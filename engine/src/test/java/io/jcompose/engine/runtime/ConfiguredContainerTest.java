package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.logs.LogStream;
import io.jcompose.engine.oci.Capabilities;
import io.jcompose.engine.oci.Command;
import io.jcompose.engine.oci.ContainerProcess;
import io.jcompose.engine.oci.HostFiles;
import io.jcompose.engine.oci.Mount;
import io.jcompose.engine.oci.NamespaceChoice;
import io.jcompose.engine.oci.Rlimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What BundleWriter puts in config.json, as seen from inside a container runc started. */
class ConfiguredContainerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private RuntimeFixture fixture;
  private OciRuntime runtime;

  @BeforeEach
  void setUp() throws Exception {
    fixture = RuntimeFixture.create();
    runtime = fixture.open();
  }

  @AfterEach
  void tearDown() {
    try {
      runtime.close();
    } finally {
      fixture.close();
    }
    assertThat(fixture.leftovers()).isEmpty();
  }

  @Test
  void mountsHostFilesRlimitsCapabilitiesAndEnvironment_reachTheProcess() throws Exception {
    Path hostDirectory = Files.createDirectories(fixture.directory.resolve("host"));
    Path data = Files.createDirectories(hostDirectory.resolve("data"));
    Path config = Files.createDirectories(hostDirectory.resolve("config"));
    Files.writeString(config.resolve("app.conf"), "setting=1\n");
    Path hosts = Files.writeString(hostDirectory.resolve("hosts"), "10.1.2.3 db\n");
    Path resolvConf =
        Files.writeString(hostDirectory.resolve("resolv.conf"), "nameserver 10.9.9.9\n");
    Path hostname = Files.writeString(hostDirectory.resolve("hostname"), "web-1\n");
    String id = fixture.newId();
    String script =
        "echo host=$(hostname) env=$GREETING home=$HOME; ulimit -n; cat /etc/hosts /etc/resolv.conf;"
            + " cat /etc/hostname /config/app.conf; echo written > /data/out;"
            + " touch /rootfile 2>/dev/null || echo rootfs-readonly;"
            + " touch /config/x 2>/dev/null || echo config-readonly;"
            + " touch /cache/x && echo tmpfs-writable; grep CapEff /proc/self/status;"
            + " ip -o link | cut -d: -f2";
    ContainerProcess base = fixture.process(id, "sh", "-c", script);
    var process =
        base.withRlimits(List.of(Rlimit.of("nofile", 1_048_576, 1_048_576)))
            .withCapabilities(new Capabilities(false, List.of(), List.of("ALL")))
            .withFilesystem(
                base.filesystem()
                    .withReadonlyRootfs(true)
                    .withMounts(
                        List.of(
                            new Mount.Bind(data, "/data", false),
                            new Mount.Bind(config, "/config", true),
                            new Mount.Tmpfs(
                                "/cache", OptionalLong.of(1 << 20), OptionalInt.empty())))
                    .withHostFiles(
                        new HostFiles(
                            Optional.of(resolvConf), Optional.of(hosts), Optional.of(hostname))));
    process =
        new ContainerProcess(
            new Command(process.command().args(), List.of("GREETING=hi"), "/", false),
            process.user(),
            "web-1",
            process.capabilities(),
            process.rlimits(),
            process.filesystem(),
            process.namespaces(),
            process.resources(),
            List.of(),
            Map.of(),
            false);
    var bundle = fixture.bundle(id, process);

    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);

    assertThat(runtime.monitor().awaitExit(id).exitCode()).isZero();
    assertThat(lines(bundle))
        .containsExactly(
            "host=web-1 env=hi home=/root",
            "20000",
            "10.1.2.3 db",
            "nameserver 10.9.9.9",
            "web-1",
            "setting=1",
            "rootfs-readonly",
            "config-readonly",
            "tmpfs-writable",
            "CapEff:\t0000000000000000",
            "lo");
    assertThat(Files.readString(data.resolve("out"))).isEqualTo("written\n");
    runtime.delete(id, false);
  }

  @Test
  void aContainerJoiningAnothersNetworkAndPidNamespaces_seesItsProcesses() throws Exception {
    String firstId = fixture.newId();
    runtime.create(
        firstId,
        fixture.bundle(firstId, fixture.process(firstId, "sleep", "1000")),
        Stdio.LOG_ONLY);
    runtime.start(firstId);
    long firstPid = runtime.state(firstId).orElseThrow().pid();
    String secondId = fixture.newId();
    ContainerProcess second = fixture.process(secondId, "sh", "-c", "ps -o comm | grep -c sleep");
    second =
        second.withNamespaces(
            second
                .namespaces()
                .withNetwork(new NamespaceChoice.Join(Path.of("/proc/" + firstPid + "/ns/net")))
                .withPid(new NamespaceChoice.Join(Path.of("/proc/" + firstPid + "/ns/pid"))));
    var bundle = fixture.bundle(secondId, second);

    runtime.create(secondId, bundle, Stdio.LOG_ONLY);
    runtime.start(secondId);

    assertThat(runtime.monitor().awaitExit(secondId).exitCode()).isZero();
    assertThat(lines(bundle)).containsExactly("1");
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + firstPid + "/ns/net")).toString())
        .startsWith("net:");
    runtime.delete(secondId, false);
    runtime.stop(firstId, Signal.KILL, TIMEOUT);
    runtime.delete(firstId, false);
  }

  @Test
  void aContainerOverItsMemoryLimit_isOomKilled() throws Exception {
    String id = fixture.newId();
    ContainerProcess process =
        fixture.process(id, "dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1");
    process =
        process.withResources(
            process.resources().withMemory(16L * 1024 * 1024, OptionalLong.of(16L * 1024 * 1024)));
    var bundle = fixture.bundle(id, process);

    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    ContainerExit exit = runtime.monitor().awaitExit(id);

    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(exit.oomKilled()).isTrue();
    assertThat(bundle.oomFile()).exists();
    runtime.delete(id, false);
  }

  @Test
  void aTerminalContainer_writesItsTtyOutputToTheLog_andAMismatchedStdioIsRefused()
      throws Exception {
    String id = fixture.newId();
    ContainerProcess process = fixture.process(id, "sh", "-c", "tty; echo to-stderr >&2");
    process =
        new ContainerProcess(
            new Command(process.command().args(), List.of(), "/", true),
            process.user(),
            process.hostname(),
            process.capabilities(),
            process.rlimits(),
            process.filesystem(),
            process.namespaces(),
            process.resources(),
            List.of(),
            Map.of(),
            false);
    var bundle = fixture.bundle(id, process);

    assertThatThrownBy(() -> runtime.create(id, bundle, Stdio.LOG_ONLY))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("terminal");
    runtime.create(id, bundle, new Stdio(true, false));
    runtime.start(id);

    assertThat(runtime.monitor().awaitExit(id).exitCode()).isZero();
    assertThat(new ContainerLog(bundle.logFile()).read(LogQuery.ALL))
        .extracting(LogRecord::stream, record -> record.text().strip())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "/dev/pts/0"),
            org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "to-stderr"));
    runtime.delete(id, false);
  }

  private static List<String> lines(ContainerBundle bundle) {
    return new ContainerLog(bundle.logFile())
        .read(LogQuery.ALL).stream().map(LogRecord::text).map(String::strip).toList();
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerCodecTest {

  @Test
  void aContainerRecordReadsBackAsTheSameContainer() {
    Digest layer = Digest.of("layer".getBytes(StandardCharsets.UTF_8));
    var container =
        new Container(
            ContainerNames.newId(),
            "web",
            Instant.parse("2026-01-02T03:04:05.123456789Z"),
            Digest.of("config".getBytes(StandardCharsets.UTF_8)),
            List.of(layer),
            new ContainerConfig(
                "busybox",
                "host",
                "",
                "",
                new ContainerConfig.Stdio(false, true, true, false, false, false),
                List.of(),
                List.of("sh"),
                List.of("A=1"),
                "/",
                List.of("80/tcp"),
                List.of("/data"),
                Map.of("k", "v"),
                "",
                5,
                new ContainerConfig.Healthcheck(List.of("CMD", "true"), 1, 2, 3, 4, 5)),
            new HostSettings(
                new HostSettings.Storage(
                    List.of("v:/data"),
                    List.of(new MountRequest("tmpfs", "", "/t", false, false, Map.of(), 10, 0755)),
                    Map.of("/run", "size=1m"),
                    List.of(),
                    false,
                    ""),
                new HostSettings.Networking(
                    "front",
                    Map.of("80/tcp", List.of(new HostSettings.HostPort("", "8080"))),
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("db:10.0.0.1")),
                new HostSettings.RestartPolicy("on-failure", 3),
                false,
                HostSettings.Privileges.NONE,
                new HostSettings.Resources(1 << 30, 0, 0, 0, 0, 0, 0, "0-1", "", 100, 0, true),
                new HostSettings.KernelAccess(
                    List.of(new HostSettings.Ulimit("nofile", 100, 200)),
                    List.of(new HostSettings.DeviceMapping("/dev/null", "/dev/mynull", "rwm")),
                    Map.of("net.ipv4.ip_unprivileged_port_start", "0")),
                HostSettings.LogConfig.DEFAULT,
                true,
                "",
                ""),
            List.of(MountPoint.volume("v", "/var/lib/v", "/data", true, "rw").asAnonymous()),
            List.of(new NetworkAttachment("n".repeat(64), List.of("web"), "", "")),
            ContainerState.CREATED
                .started(7, Instant.parse("2026-01-02T03:04:06Z"), false)
                .exited(3, Instant.parse("2026-01-02T03:04:07Z"), false, false));

    assertThat(ContainerCodec.decode(ContainerCodec.encode(container))).isEqualTo(container);
  }
}

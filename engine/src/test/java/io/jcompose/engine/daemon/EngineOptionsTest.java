package io.jcompose.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.registry.RegistrySettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

  @Test
  void withoutArgumentsTheDefaultsApply() {
    var options = EngineOptions.parse(List.of());

    assertThat(options.socketPath()).isEqualTo(Path.of("/run/jcompose/engine.sock"));
    assertThat(options.dataRoot()).isEqualTo(Path.of("/var/lib/jcompose"));
    assertThat(options.apiVersions().max()).hasToString("1.44");
  }

  @Test
  void hostAndDataRootAreReadInEitherSpelling() {
    var spaced =
        EngineOptions.parse(List.of("--host", "unix:///tmp/e.sock", "--data-root", "/tmp/d"));
    var joined = EngineOptions.parse(List.of("-H=unix:///tmp/e.sock", "--data-root=/tmp/d"));

    assertThat(spaced).isEqualTo(joined);
    assertThat(spaced.socketPath()).isEqualTo(Path.of("/tmp/e.sock"));
    assertThat(spaced.dataRoot()).isEqualTo(Path.of("/tmp/d"));
  }

  @Test
  void hostResourcesDefaultToTheProductionOnesAndAreReadFromFlags() {
    assertThat(EngineOptions.parse(List.of()).host())
        .isEqualTo(EngineOptions.HostResources.DEFAULT);

    var options =
        EngineOptions.parse(
            List.of(
                "--exec-root=/tmp/x/exec",
                "--cgroup-parent",
                "/jct1",
                "--network-prefix",
                "jct1",
                "--network-pool",
                "10.77.0.0/16"));

    assertThat(options.host().execRoot()).isEqualTo(Path.of("/tmp/x/exec"));
    assertThat(options.host().cgroupParent()).isEqualTo("/jct1");
    assertThat(options.host().networks().namePrefix()).isEqualTo("jct1");
    assertThat(options.host().networks().pool()).hasToString("10.77.0.0/16");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--cgroup-parent", "relative")))
        .hasMessageContaining("\"relative\"");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--network-prefix", "Bad-Prefix")))
        .hasMessageContaining("\"Bad-Prefix\"");
  }

  @Test
  void registryOptionsAreRepeatable_andCertsDirsReplaceTheDefaults() {
    assertThat(EngineOptions.parse(List.of()).registries()).isEqualTo(RegistrySettings.defaults());
    assertThat(RegistrySettings.defaults().certsDirectories())
        .containsExactly(Path.of("/etc/docker/certs.d"), Path.of("/etc/jcompose/certs.d"));

    var options =
        EngineOptions.parse(
            List.of(
                "--insecure-registry",
                "10.1.2.3:5000",
                "--insecure-registry=registry.lan",
                "--registry-certs-dir",
                "/tmp/certs.d"));

    assertThat(options.registries().insecureRegistries())
        .containsExactlyInAnyOrder("10.1.2.3:5000", "registry.lan");
    assertThat(options.registries().certsDirectories()).containsExactly(Path.of("/tmp/certs.d"));
    assertThatThrownBy(
            () -> EngineOptions.parse(List.of("--insecure-registry", "http://10.1.2.3:5000")))
        .hasMessageContaining("\"http://10.1.2.3:5000\"");
  }

  @Test
  void mistakesAreRefusedQuotingTheArgument() {
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--host", "tcp://0.0.0.0:2375")))
        .hasMessageContaining("\"tcp://0.0.0.0:2375\"")
        .hasMessageContaining("only unix sockets");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--host", "unix://relative.sock")))
        .hasMessageContaining("must be absolute");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--data-root")))
        .hasMessage("\"--data-root\" needs a value");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--debug", "x")))
        .hasMessage("unknown option \"--debug\"");
  }

  @Test
  void registryMirrors_areKeptInOrderWithATrailingSlash_andAPathIsRefused() {
    EngineOptions options =
        EngineOptions.parse(
            List.of(
                "--registry-mirror",
                "https://mirror.lan:5000",
                "--registry-mirror=http://127.0.0.1:5001/"));

    assertThat(options.registries().mirrors())
        .containsExactly("https://mirror.lan:5000/", "http://127.0.0.1:5001/");
    assertThatThrownBy(
            () -> EngineOptions.parse(List.of("--registry-mirror", "https://mirror.lan/v2")))
        .hasMessageContaining("invalid mirror: path, query, or fragment");
    assertThatThrownBy(() -> EngineOptions.parse(List.of("--registry-mirror", "mirror.lan")))
        .hasMessageContaining("invalid mirror");
  }
}

package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.RunConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {

  private static final RunConfig IMAGE =
      new RunConfig(
          List.of("serve", "--port", "80"),
          List.of("/entry.sh"),
          List.of("PATH=/bin", "MODE=image"),
          "/srv",
          "app",
          List.of("80/tcp"),
          List.of("/data"),
          Map.of("from", "image", "shared", "image"),
          "SIGQUIT",
          Optional.of(
              new RunConfig.Healthcheck(
                  List.of("CMD", "true"),
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(5),
                  Duration.ZERO,
                  Duration.ZERO,
                  3)));

  private static ContainerConfig requested(
      List<String> entrypoint, List<String> cmd, List<String> env) {
    return new ContainerConfig(
        "img",
        "",
        "",
        "",
        ContainerConfig.Stdio.DETACHED,
        entrypoint,
        cmd,
        env,
        "",
        List.of("53/udp"),
        List.of(),
        Map.of("shared", "request"),
        "",
        -1,
        ContainerConfig.Healthcheck.NONE);
  }

  @Test
  void nothingGiven_takesTheImagesEntrypointCommandAndSettings() {
    ContainerConfig merged =
        ImageDefaults.merge(requested(List.of(), List.of(), List.of()), false, IMAGE);

    assertThat(merged.commandLine()).containsExactly("/entry.sh", "serve", "--port", "80");
    assertThat(merged.env()).containsExactly("PATH=/bin", "MODE=image");
    assertThat(merged.workingDir()).isEqualTo("/srv");
    assertThat(merged.user()).isEqualTo("app");
    assertThat(merged.stopSignal()).isEqualTo("SIGQUIT");
    assertThat(merged.exposedPorts()).containsExactly("53/udp", "80/tcp");
    assertThat(merged.volumes()).containsExactly("/data");
    assertThat(merged.labels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("from", "image", "shared", "request"));
    assertThat(merged.healthcheck().test()).containsExactly("CMD", "true");
    assertThat(merged.healthcheck().intervalNanos()).isEqualTo(30_000_000_000L);
  }

  @Test
  void aCommand_replacesTheImagesCommandOnly() {
    ContainerConfig merged =
        ImageDefaults.merge(requested(List.of(), List.of("echo", "hi"), List.of()), false, IMAGE);

    assertThat(merged.commandLine()).containsExactly("/entry.sh", "echo", "hi");
  }

  @Test
  void anEntrypoint_dropsTheImagesCommand_andAnEmptyOneClearsTheImagesEntrypoint() {
    assertThat(
            ImageDefaults.merge(requested(List.of("sh"), List.of(), List.of()), true, IMAGE)
                .commandLine())
        .containsExactly("sh");
    assertThat(
            ImageDefaults.merge(requested(List.of(), List.of("ls"), List.of()), true, IMAGE)
                .commandLine())
        .containsExactly("ls");
  }

  @Test
  void theRequestsEnvironmentComesFirst_andWinsOverTheImagesVariables() {
    ContainerConfig merged =
        ImageDefaults.merge(
            requested(List.of(), List.of(), List.of("MODE=request", "EXTRA=1")), false, IMAGE);

    assertThat(merged.env()).containsExactly("MODE=request", "EXTRA=1", "PATH=/bin");
  }

  @Test
  void noCommandAnywhere_isRefusedAsDockerdDoes() {
    assertThatThrownBy(
            () ->
                ImageDefaults.merge(
                    requested(List.of(), List.of(), List.of()), true, RunConfig.EMPTY))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("No command specified");
  }
}

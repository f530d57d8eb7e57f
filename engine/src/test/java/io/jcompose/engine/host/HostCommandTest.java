package io.jcompose.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCommandTest {

  @Test
  void run_collectsOutputExitCodeAndFeedsStdin() {
    var result =
        HostCommand.run(
            List.of("sh", "-c", "read line; echo got:$line; echo oops >&2; exit 3"),
            Optional.of("hello\n"),
            Duration.ofSeconds(10));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("got:hello\n");
    assertThat(result.stderr()).isEqualTo("oops\n");
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(EngineFault.Internal.class)
        .hasMessageContaining("failed with exit code 3: oops");
  }

  @Test
  void run_drainsBothStreamsAtOnce_soALoudToolNeverBlocks() {
    var result =
        HostCommand.run(
            List.of("sh", "-c", "head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero"),
            Optional.empty(),
            Duration.ofSeconds(20));

    assertThat(result.stdout()).hasSize(300000);
    assertThat(result.stderr()).hasSize(300000);
  }

  @Test
  void run_killsACommandThatOutlivesItsTimeout() {
    assertThatThrownBy(
            () -> HostCommand.run(List.of("sleep", "30"), Optional.empty(), Duration.ofMillis(200)))
        .isInstanceOf(EngineFault.Internal.class)
        .hasMessageContaining("did not finish");
  }

  @Test
  void require_findsSystemToolsAndNamesThePackageOfMissingOnes() {
    assertThat(HostCommand.require("sh", "dash")).isExecutable();
    assertThatThrownBy(() -> HostCommand.require("no-such-tool-jce", "jce-package"))
        .isInstanceOf(EngineFault.Unavailable.class)
        .hasMessageContaining("apt-get install -y jce-package");
  }
}

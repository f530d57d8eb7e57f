package io.jcompose.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  private static final Set<String> EVERYTHING = Set.copyOf(Capabilities.LINUX_ALL);

  @Test
  void defaults_areDockersFourteen() {
    assertThat(Capabilities.DEFAULT.resolve(EVERYTHING))
        .hasSize(14)
        .containsExactlyElementsOf(Capabilities.DOCKER_DEFAULTS);
  }

  @Test
  void addAndDrop_acceptAnyCaseWithOrWithoutPrefix() {
    var capabilities =
        new Capabilities(false, List.of("net_admin", "CAP_SYS_PTRACE"), List.of("mknod"));

    assertThat(capabilities.resolve(EVERYTHING))
        .contains("CAP_NET_ADMIN", "CAP_SYS_PTRACE", "CAP_CHOWN")
        .doesNotContain("CAP_MKNOD")
        .hasSize(15);
  }

  @Test
  void dropAll_keepsOnlyTheAdded_andAddAll_keepsAllButTheDropped() {
    assertThat(new Capabilities(false, List.of("kill"), List.of("ALL")).resolve(EVERYTHING))
        .containsExactly("CAP_KILL");
    assertThat(new Capabilities(false, List.of("all"), List.of("SYS_ADMIN")).resolve(EVERYTHING))
        .hasSize(Capabilities.LINUX_ALL.size() - 1)
        .doesNotContain("CAP_SYS_ADMIN");
  }

  @Test
  void privileged_grantsEverythingTheEngineHolds() {
    var held = new HashSet<>(EVERYTHING);
    held.remove("CAP_SYS_RESOURCE");

    assertThat(new Capabilities(true, List.of(), List.of("chown")).resolve(held))
        .hasSize(Capabilities.LINUX_ALL.size() - 1)
        .contains("CAP_CHOWN", "CAP_SYS_ADMIN")
        .doesNotContain("CAP_SYS_RESOURCE");
  }

  @Test
  void unknownNames_areRejected() {
    assertThatThrownBy(() -> new Capabilities(false, List.of("CAP_FLY"), List.of()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("unknown capability: \"CAP_FLY\"");
  }
}

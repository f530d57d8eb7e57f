package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListItemBodyTest {

  @Test
  void listedCommand_quotesTheArgumentsThatHoldASpace_asDockerdLists() {
    assertThat(ListItemBody.listedCommand(List.of("sh", "-c", "echo hi; sleep 1")))
        .isEqualTo("sh -c 'echo hi; sleep 1'");
    assertThat(ListItemBody.listedCommand(List.of("/bin/my tool", "x")))
        .isEqualTo("/bin/my tool x");
    assertThat(ListItemBody.listedCommand(List.of())).isEmpty();
  }
}

package io.jcompose.cli.interactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetachKeysTest {

  @Test
  void parse_theDefaultIsCtrlPCtrlQ() {
    assertThat(DetachKeys.parse(DetachKeys.DEFAULT).sequence()).containsExactly(16, 17);
  }

  @Test
  void parse_charactersAndEveryControlKey() {
    assertThat(
            DetachKeys.parse("a,ctrl-a,ctrl-z,ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_")
                .sequence())
        .containsExactly('a', 1, 26, 0, 27, 28, 29, 30, 31);
  }

  @Test
  void parse_keepsTheTextForTheDaemon() {
    assertThat(DetachKeys.parse("ctrl-x,y").text()).isEqualTo("ctrl-x,y");
  }

  @Test
  void parse_refusesUnknownKeys() {
    assertThatThrownBy(() -> DetachKeys.parse("ctrl-1"))
        .hasMessage(
            "invalid detach keys \"ctrl-1\": unknown key \"ctrl-1\" (use a character or"
                + " ctrl-<a-z|@|[|\\|]|^|_>)");
    assertThatThrownBy(() -> DetachKeys.parse("ab")).hasMessageContaining("unknown key \"ab\"");
    assertThatThrownBy(() -> DetachKeys.parse("a,,b")).hasMessageContaining("unknown key \"\"");
    assertThatThrownBy(() -> DetachKeys.parse("")).hasMessageContaining("no key given");
  }
}

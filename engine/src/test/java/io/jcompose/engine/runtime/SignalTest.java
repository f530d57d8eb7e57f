package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import org.junit.jupiter.api.Test;

class SignalTest {

  @Test
  void parse_acceptsNamesWithOrWithoutSigInAnyCase_andNumbers() {
    assertThat(Signal.parse("SIGKILL")).isEqualTo(Signal.KILL);
    assertThat(Signal.parse("kill")).isEqualTo(Signal.KILL);
    assertThat(Signal.parse("9")).isEqualTo(Signal.KILL);
    assertThat(Signal.parse("SIGTERM").number()).isEqualTo(15);
    assertThat(Signal.parse("usr1").number()).isEqualTo(10);
    assertThat(Signal.parse("IOT").number()).isEqualTo(6);
    assertThat(Signal.parse("SIGRTMIN+3").number()).isEqualTo(37);
    assertThat(Signal.parse("RTMAX-1").number()).isEqualTo(63);
  }

  @Test
  void name_isTheKernelsName() {
    assertThat(Signal.parse("term").name()).isEqualTo("SIGTERM");
    assertThat(new Signal(34).name()).isEqualTo("SIGRTMIN");
    assertThat(new Signal(40).name()).isEqualTo("SIGRTMIN+6");
    assertThat(new Signal(64).name()).isEqualTo("SIGRTMAX");
  }

  @Test
  void parse_rejectsWhatIsNoSignal() {
    for (String text : new String[] {"", "0", "65", "32", "SIGFOO", "RTMIN+99", "-9"}) {
      assertThatThrownBy(() -> Signal.parse(text))
          .as(text)
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageStartingWith("Invalid signal: ");
    }
  }

  @Test
  void runcMessage_isTheMsgOfItsLogLine() {
    assertThat(
            Runc.message(
                "time=\"2026-11-28T01:48:36Z\" level=error msg=\"container \\\"x\\\" does not"
                    + " exist\"\n"))
        .isEqualTo("container \"x\" does not exist");
    assertThat(Runc.message("plain failure\n")).isEqualTo("plain failure");
  }
}

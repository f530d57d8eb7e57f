package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTableTest {

  @Test
  void parse_keepsTheContainersRows_withTheCommandsSpaces() {
    String output =
        "UID          PID    PPID  C STIME TTY          TIME CMD\n"
            + "root           1       0  0 06:00 ?        00:00:01 /sbin/init\n"
            + "root       19817   19795  0 22:47 ?        00:00:00 sh -c echo started; while true; do sleep 1; done\n"
            + "root       19848   19817  0 22:47 ?        00:00:00 sleep 1\n";

    ProcessTable table = ProcessTable.parse(output, List.of(19817L, 19848L));

    assertThat(table.titles())
        .containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    assertThat(table.processes())
        .containsExactly(
            List.of(
                "root",
                "19817",
                "19795",
                "0",
                "22:47",
                "?",
                "00:00:00",
                "sh -c echo started; while true; do sleep 1; done"),
            List.of("root", "19848", "19817", "0", "22:47", "?", "00:00:00", "sleep 1"));
  }

  @Test
  void parse_keepsThreadRowsAfterAContainedProcess() {
    String output = "PID TID CMD\n7 - java\n- 8 -\n9 - other\n- 10 -\n";

    ProcessTable table = ProcessTable.parse(output, List.of(7L));

    assertThat(table.processes())
        .containsExactly(List.of("7", "-", "java"), List.of("-", "8", "-"));
  }

  @Test
  void parse_withoutAPidColumn_fails_andRenamingAColumnToPidIsRefused() {
    assertThatThrownBy(() -> ProcessTable.parse("USER CMD\nroot sh\n", List.of(1L)))
        .isInstanceOf(EngineFault.Internal.class)
        .hasMessageContaining("Couldn't find PID field");
    assertThatThrownBy(() -> ProcessTable.checkArguments("-o pid,user= -o comm=PID"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("specifying \"comm=PID\" is not allowed");
    ProcessTable.checkArguments("-o pid= -o comm");
  }
}

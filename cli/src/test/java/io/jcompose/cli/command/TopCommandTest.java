package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.adapter.tools.ProcessList;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCommandTest {

  @Test
  void print_alignsLikeGosTabwriterWithMinimumWidthFiveAndPaddingThree() {
    var processes =
        new ProcessList(
            List.of("UID", "PID", "C", "CMD"),
            List.of(List.of("root", "19817", "0", "sleep 3600")));
    var text = new StringWriter();

    TopCommand.print(processes, new PrintWriter(text, true));

    assertThat(text.toString())
        .isEqualTo("UID    PID     C    CMD\n" + "root   19817   0    sleep 3600\n");
  }
}

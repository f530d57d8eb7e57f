package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabColumnsTest {

  @Test
  void print_padsEachColumnToItsWidestCellPlusThreeButAtLeastTheMinimum() {
    var text = new StringWriter();

    TabColumns.print(
        List.of(
            List.of("CONTAINER", "TAG", "SIZE"),
            List.of("demo-web-1-with-a-long-name", "1", "2MB")),
        20,
        new PrintWriter(text, true));

    assertThat(text.toString())
        .isEqualTo(
            "CONTAINER"
                + " ".repeat(30 - 9)
                + "TAG"
                + " ".repeat(20 - 3)
                + "SIZE\n"
                + "demo-web-1-with-a-long-name   "
                + "1"
                + " ".repeat(20 - 1)
                + "2MB\n");
  }
}

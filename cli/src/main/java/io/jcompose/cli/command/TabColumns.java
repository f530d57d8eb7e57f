package io.jcompose.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows laid out as Go's {@code text/tabwriter} lays them out with padding 3: each column as wide as
 * its widest cell plus 3, at least {@code minWidth}; the last cell of a row is not padded. docker
 * compose's sections use a minimum of 20 ({@code images}), the docker CLI's tables 10 ({@code
 * stats}), {@code top} 5.
 */
final class TabColumns {

  private TabColumns() {}

  static void print(List<List<String>> rows, int minWidth, PrintWriter out) {
    int columns = 0;
    for (List<String> row : rows) {
      columns = Math.max(columns, row.size());
    }
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size() - 1; i++) {
        widths[i] = Math.max(widths[i], Math.max(minWidth, row.get(i).length() + 3));
      }
    }
    for (List<String> row : rows) {
      var text = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        text.append(cell);
        if (i < row.size() - 1) {
          text.append(" ".repeat(widths[i] - cell.length()));
        }
      }
      out.println(text);
    }
  }

  /** The header row followed by the rows. */
  static List<List<String>> withHeaders(List<String> headers, List<List<String>> rows) {
    var all = new ArrayList<List<String>>(rows.size() + 1);
    all.add(headers);
    all.addAll(rows);
    return all;
  }
}

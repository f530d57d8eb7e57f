package io.jcompose.adapter.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's processes: {@code ps}'s column titles and one row per process.
 *
 * @param titles {@code UID PID PPID C STIME TTY TIME CMD}
 * @param processes one list of cells per process, as many as titles
 */
public record ProcessList(List<String> titles, List<List<String>> processes) {

  public ProcessList {
    titles = List.copyOf(titles);
    var rows = new ArrayList<List<String>>(processes.size());
    for (List<String> row : processes) {
      rows.add(List.copyOf(row));
    }
    processes = List.copyOf(rows);
  }
}

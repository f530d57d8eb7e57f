package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code docker top} shows: the host's {@code ps} output cut down to a container's processes,
 * read as dockerd reads it (the {@code PID} column picks the rows, the last column keeps its
 * spaces, thread rows ({@code -} for a pid) follow their process).
 *
 * @param titles the header's columns
 * @param processes one row per process, as many cells as titles
 */
record ProcessTable(List<String> titles, List<List<String>> processes) {

  private static final Pattern KEY_EQUALS_PID = Pattern.compile("\\s+([^\\s]*)=\\s*(PID[^\\s]*)");

  ProcessTable {
    titles = List.copyOf(titles);
    processes = processes.stream().map(List::copyOf).toList();
  }

  /**
   * dockerd's check of {@code ps_args}: a column may only be renamed to {@code PID...} as {@code
   * pid=}.
   *
   * @throws EngineFault.InvalidArgument otherwise
   */
  static void checkArguments(String psArgs) {
    Matcher matcher = KEY_EQUALS_PID.matcher(psArgs);
    while (matcher.find()) {
      if (!matcher.group(1).equals("pid")) {
        throw new EngineFault.InvalidArgument(
            "specifying \"" + matcher.group(1) + "=" + matcher.group(2) + "\" is not allowed");
      }
    }
  }

  /**
   * @param output what {@code ps} printed
   * @param pids the container's processes
   * @throws EngineFault.Internal when the output has no {@code PID} column or a pid is no number
   */
  static ProcessTable parse(String output, Collection<Long> pids) {
    String[] lines = output.split("\n");
    List<String> titles = fields(lines[0]);
    int pidIndex = titles.indexOf("PID");
    if (pidIndex < 0) {
      throw new EngineFault.Internal("Couldn't find PID field in ps output", null);
    }
    var processes = new ArrayList<List<String>>();
    boolean previousContained = false;
    for (int i = 1; i < lines.length; i++) {
      List<String> fields = fields(lines[i]);
      if (fields.size() <= pidIndex) {
        continue;
      }
      String pid = fields.get(pidIndex);
      if (pid.equals("-")) {
        if (previousContained) {
          processes.add(row(fields, titles.size()));
        }
        continue;
      }
      long number;
      try {
        number = Long.parseLong(pid);
      } catch (NumberFormatException e) {
        throw new EngineFault.Internal("Unexpected pid '" + pid + "'", e);
      }
      previousContained = pids.contains(number);
      if (previousContained) {
        processes.add(row(fields, titles.size()));
      }
    }
    return new ProcessTable(titles, processes);
  }

  private static List<String> row(List<String> fields, int columns) {
    if (fields.size() <= columns) {
      return fields;
    }
    var row = new ArrayList<>(fields.subList(0, columns - 1));
    row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
    return row;
  }

  /** Go's {@code strings.Fields} over ASCII white space. */
  private static List<String> fields(String line) {
    var fields = new ArrayList<String>();
    for (String field : line.strip().split("[ \\t\\n\\x0B\\f\\r]+")) {
      if (!field.isEmpty()) {
        fields.add(field);
      }
    }
    return fields;
  }
}

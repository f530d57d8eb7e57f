package io.jcompose.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One network interface's counters, as {@code /proc/<pid>/net/dev} shows them for the network
 * namespace of that process.
 */
public record InterfaceCounters(
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDropped,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDropped) {

  /**
   * The interfaces of the process's network namespace but loopback, by name; empty if it is gone.
   */
  public static Map<String, InterfaceCounters> ofProcess(long pid) {
    try {
      return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "dev")));
    } catch (IOException e) {
      return Map.of();
    }
  }

  static Map<String, InterfaceCounters> parse(List<String> lines) {
    var interfaces = new LinkedHashMap<String, InterfaceCounters>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String[] fields = line.substring(colon + 1).strip().split("\\s+");
      if (name.equals("lo") || fields.length < 12) {
        continue;
      }
      interfaces.put(
          name,
          new InterfaceCounters(
              Long.parseLong(fields[0]),
              Long.parseLong(fields[1]),
              Long.parseLong(fields[2]),
              Long.parseLong(fields[3]),
              Long.parseLong(fields[8]),
              Long.parseLong(fields[9]),
              Long.parseLong(fields[10]),
              Long.parseLong(fields[11])));
    }
    return interfaces;
  }
}

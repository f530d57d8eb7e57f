package io.jcompose.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host-wide numbers a stats sample is set against: the CPU time all CPUs spent ({@code
 * /proc/stat}, as dockerd's {@code system_cpu_usage}), the online CPUs, and the memory ({@code
 * MemTotal}, the limit dockerd reports for a container without one).
 *
 * @param systemCpuNanos the sum of the {@code cpu} line's first seven fields, in nanoseconds
 */
public record HostCounters(long systemCpuNanos, int onlineCpus, long memoryBytes) {

  private static final long NANOS_PER_TICK = 10_000_000L;

  public static HostCounters read() throws IOException {
    return of(
        Files.readAllLines(Path.of("/proc/stat")), Files.readAllLines(Path.of("/proc/meminfo")));
  }

  static HostCounters of(List<String> stat, List<String> meminfo) {
    long ticks = 0;
    int cpus = 0;
    for (String line : stat) {
      String[] fields = line.strip().split("\\s+");
      if (fields[0].equals("cpu")) {
        for (int i = 1; i < Math.min(fields.length, 8); i++) {
          ticks += Long.parseLong(fields[i]);
        }
      } else if (fields[0].matches("cpu[0-9]+")) {
        cpus++;
      }
    }
    long memory = 0;
    for (String line : meminfo) {
      String[] fields = line.strip().split("\\s+");
      if (fields[0].equals("MemTotal:") && fields.length >= 2) {
        memory = Long.parseLong(fields[1]) * 1024;
      }
    }
    return new HostCounters(ticks * NANOS_PER_TICK, cpus, memory);
  }
}

package io.jcompose.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a cgroup's counters from the v1 controller files ({@code cpuacct.usage}, {@code
 * memory.usage_in_bytes} ...) when the resource controllers are v1, else from the cgroup2 files
 * ({@code cpu.stat}, {@code memory.current} ...). A file that is missing reads as zero.
 */
public final class CgroupReader {

  /** The kernel's USER_HZ: {@code cpuacct.stat} counts in ticks of 10 ms. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private static final long NANOS_PER_MICRO = 1_000L;

  /** What v1 reports for "no limit" is near Long.MAX_VALUE (page-rounded). */
  private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

  private CgroupReader() {}

  public static ResourceUsage read(CgroupLocation location) throws IOException {
    return location.usesV1() ? readV1(location) : readV2(location.unified());
  }

  static ResourceUsage readV1(CgroupLocation location) throws IOException {
    Optional<Path> cpuacct = location.controller("cpuacct");
    Optional<Path> cpu = location.controller("cpu");
    Map<String, Long> ticks = keyed(cpuacct, "cpuacct.stat");
    Map<String, Long> throttling = keyed(cpu, "cpu.stat");
    var perCpu = new ArrayList<Long>();
    for (String value : words(cpuacct, "cpuacct.usage_percpu")) {
      perCpu.add(Long.parseLong(value));
    }
    var cpuUsage =
        new ResourceUsage.Cpu(
            number(cpuacct, "cpuacct.usage").orElse(0),
            perCpu,
            ticks.getOrDefault("system", 0L) * NANOS_PER_TICK,
            ticks.getOrDefault("user", 0L) * NANOS_PER_TICK,
            throttling.getOrDefault("nr_periods", 0L),
            throttling.getOrDefault("nr_throttled", 0L),
            throttling.getOrDefault("throttled_time", 0L));
    Optional<Path> memory = location.controller("memory");
    OptionalLong limit = number(memory, "memory.limit_in_bytes");
    var memoryUsage =
        new ResourceUsage.Memory(
            number(memory, "memory.usage_in_bytes").orElse(0),
            number(memory, "memory.max_usage_in_bytes"),
            limit.isPresent() && limit.getAsLong() < V1_UNLIMITED ? limit : OptionalLong.empty(),
            keyed(memory, "memory.stat"));
    Optional<Path> pids = location.controller("pids");
    return new ResourceUsage(
        cpuUsage,
        memoryUsage,
        new ResourceUsage.Pids(number(pids, "pids.current").orElse(0), number(pids, "pids.max")));
  }

  static ResourceUsage readV2(Optional<Path> directory) throws IOException {
    Map<String, Long> cpuStat = keyed(directory, "cpu.stat");
    var cpuUsage =
        new ResourceUsage.Cpu(
            cpuStat.getOrDefault("usage_usec", 0L) * NANOS_PER_MICRO,
            List.of(),
            cpuStat.getOrDefault("system_usec", 0L) * NANOS_PER_MICRO,
            cpuStat.getOrDefault("user_usec", 0L) * NANOS_PER_MICRO,
            cpuStat.getOrDefault("nr_periods", 0L),
            cpuStat.getOrDefault("nr_throttled", 0L),
            cpuStat.getOrDefault("throttled_usec", 0L) * NANOS_PER_MICRO);
    var memoryUsage =
        new ResourceUsage.Memory(
            number(directory, "memory.current").orElse(0),
            OptionalLong.empty(),
            number(directory, "memory.max"),
            keyed(directory, "memory.stat"));
    return new ResourceUsage(
        cpuUsage,
        memoryUsage,
        new ResourceUsage.Pids(
            number(directory, "pids.current").orElse(0), number(directory, "pids.max")));
  }

  /** A file holding one number; empty when missing or {@code max}. */
  private static OptionalLong number(Optional<Path> directory, String file) throws IOException {
    List<String> values = words(directory, file);
    if (values.isEmpty() || values.get(0).equals("max")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(values.get(0)));
  }

  /** A file of {@code key value} lines. */
  private static Map<String, Long> keyed(Optional<Path> directory, String file) throws IOException {
    var values = new LinkedHashMap<String, Long>();
    for (String line : lines(directory, file)) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length == 2 && fields[1].matches("-?[0-9]+")) {
        values.put(fields[0], Long.parseLong(fields[1]));
      }
    }
    return values;
  }

  private static List<String> words(Optional<Path> directory, String file) throws IOException {
    var words = new ArrayList<String>();
    for (String line : lines(directory, file)) {
      for (String word : line.strip().split("\\s+")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words;
  }

  private static List<String> lines(Optional<Path> directory, String file) throws IOException {
    if (directory.isEmpty() || !Files.isRegularFile(directory.get().resolve(file))) {
      return List.of();
    }
    return Files.readAllLines(directory.get().resolve(file));
  }
}

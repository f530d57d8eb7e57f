package io.jcompose.cli.command;

import io.jcompose.adapter.tools.StatsSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One container's line of {@code stats}, computed from a sample as the docker CLI computes it: CPU
 * % from the change against {@code precpu_stats} times the online CPUs, memory without the inactive
 * file cache, network and block I/O summed over interfaces and devices.
 *
 * @param container the full container ID
 * @param name the container's name
 * @param cpuPercent CPU use, 100 per busy CPU
 * @param memory bytes in use without the inactive file cache
 * @param memoryLimit the memory limit in bytes
 * @param memoryPercent memory use against the limit
 * @param io the network and block byte counters
 * @param pids the number of processes
 */
record StatsRow(
    String container,
    String name,
    double cpuPercent,
    double memory,
    double memoryLimit,
    double memoryPercent,
    StatsSample.Io io,
    long pids) {

  static final List<String> HEADERS =
      List.of(
          "CONTAINER ID",
          "NAME",
          "CPU %",
          "MEM USAGE / LIMIT",
          "MEM %",
          "NET I/O",
          "BLOCK I/O",
          "PIDS");

  static StatsRow of(StatsSample sample) {
    double memory = memoryWithoutCache(sample.memory());
    double limit = sample.memory().limit();
    return new StatsRow(
        sample.id(),
        sample.name(),
        cpuPercent(sample.cpu(), sample.previousCpu()),
        memory,
        limit,
        limit == 0 ? 0 : memory / limit * 100.0,
        sample.io(),
        sample.pids());
  }

  /** docker's {@code calculateCPUPercentUnix}. */
  static double cpuPercent(StatsSample.Cpu now, StatsSample.Cpu before) {
    double cpuDelta = (double) now.totalUsage() - before.totalUsage();
    double systemDelta = (double) now.systemUsage() - before.systemUsage();
    double cpus = now.onlineCpus() == 0 ? now.perCpuCount() : now.onlineCpus();
    if (systemDelta > 0 && cpuDelta > 0) {
      return cpuDelta / systemDelta * cpus * 100.0;
    }
    return 0;
  }

  /**
   * docker's {@code calculateMemUsageUnixNoCache}: cgroup v1's total_inactive_file, v2's
   * inactive_file.
   */
  static double memoryWithoutCache(StatsSample.Memory memory) {
    Long v1 = memory.stats().get("total_inactive_file");
    if (v1 != null && v1 < memory.usage()) {
      return memory.usage() - v1;
    }
    long v2 = memory.stats().getOrDefault("inactive_file", 0L);
    if (v2 < memory.usage()) {
      return memory.usage() - v2;
    }
    return memory.usage();
  }

  /** The table's cells. */
  List<String> cells(boolean truncate) {
    return List.of(
        truncate ? shortId() : container,
        name,
        cpuText(),
        memoryText(),
        memoryPercentText(),
        networkText(),
        blockText(),
        Long.toString(pids));
  }

  /** {@code --format json}: docker's keys, sorted as Go sorts them. */
  Map<String, Object> json(boolean truncate) {
    var object = new LinkedHashMap<String, Object>();
    object.put("BlockIO", blockText());
    object.put("CPUPerc", cpuText());
    object.put("Container", container);
    object.put("ID", truncate ? shortId() : container);
    object.put("MemPerc", memoryPercentText());
    object.put("MemUsage", memoryText());
    object.put("Name", name);
    object.put("NetIO", networkText());
    object.put("PIDs", Long.toString(pids));
    return object;
  }

  String cpuText() {
    return String.format(Locale.ROOT, "%.2f%%", cpuPercent);
  }

  String memoryText() {
    return ByteUnits.binary(memory) + " / " + ByteUnits.binary(memoryLimit);
  }

  String memoryPercentText() {
    return String.format(Locale.ROOT, "%.2f%%", memoryPercent);
  }

  String networkText() {
    return ByteUnits.decimal(io.networkReceived()) + " / " + ByteUnits.decimal(io.networkSent());
  }

  String blockText() {
    return ByteUnits.decimal(io.blockRead()) + " / " + ByteUnits.decimal(io.blockWritten());
  }

  private String shortId() {
    return container.length() > 12 ? container.substring(0, 12) : container;
  }
}

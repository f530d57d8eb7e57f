package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.adapter.tools.StatsSample;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The stats endpoint's JSON ({@code cpu_stats}, {@code memory_stats} ...) as a sample. */
final class StatsJson {

  private StatsJson() {}

  static StatsSample sample(JsonNode stats) {
    String name = stats.path("name").asText("");
    var memoryCounters = new HashMap<String, Long>();
    Iterator<Map.Entry<String, JsonNode>> counters =
        stats.path("memory_stats").path("stats").fields();
    while (counters.hasNext()) {
      Map.Entry<String, JsonNode> counter = counters.next();
      memoryCounters.put(counter.getKey(), counter.getValue().asLong());
    }
    long received = 0;
    long sent = 0;
    for (JsonNode network : stats.path("networks")) {
      received += network.path("rx_bytes").asLong();
      sent += network.path("tx_bytes").asLong();
    }
    long read = 0;
    long written = 0;
    for (JsonNode entry : stats.path("blkio_stats").path("io_service_bytes_recursive")) {
      String operation = entry.path("op").asText("");
      if (operation.isEmpty()) {
        continue;
      }
      switch (Character.toLowerCase(operation.charAt(0))) {
        case 'r' -> read += entry.path("value").asLong();
        case 'w' -> written += entry.path("value").asLong();
        default -> {
          // sync, async, total, discard: not shown
        }
      }
    }
    return new StatsSample(
        name.startsWith("/") ? name.substring(1) : name,
        stats.path("id").asText(""),
        cpu(stats.path("cpu_stats")),
        cpu(stats.path("precpu_stats")),
        new StatsSample.Memory(
            stats.path("memory_stats").path("usage").asLong(),
            stats.path("memory_stats").path("limit").asLong(),
            memoryCounters),
        new StatsSample.Io(received, sent, read, written),
        stats.path("pids_stats").path("current").asLong());
  }

  private static StatsSample.Cpu cpu(JsonNode cpu) {
    return new StatsSample.Cpu(
        cpu.path("cpu_usage").path("total_usage").asLong(),
        cpu.path("system_cpu_usage").asLong(),
        cpu.path("online_cpus").asInt(),
        cpu.path("cpu_usage").path("percpu_usage").size());
  }
}

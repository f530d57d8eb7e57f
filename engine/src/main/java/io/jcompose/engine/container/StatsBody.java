package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.stats.HostCounters;
import io.jcompose.engine.stats.InterfaceCounters;
import io.jcompose.engine.stats.ResourceUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One object of {@code GET /containers/{id}/stats}, in dockerd's shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatsBody(
    @JsonProperty("read") String read,
    @JsonProperty("preread") String preread,
    @JsonProperty("pids_stats") PidsBody pids,
    @JsonProperty("blkio_stats") BlkioBody blkio,
    @JsonProperty("num_procs") int numProcs,
    @JsonProperty("storage_stats") Map<String, Object> storage,
    @JsonProperty("cpu_stats") CpuBody cpu,
    @JsonProperty("precpu_stats") CpuBody precpu,
    @JsonProperty("memory_stats") MemoryBody memory,
    @JsonProperty("name") String name,
    @JsonProperty("id") String id,
    @JsonProperty("networks") Map<String, NetworkBody> networks) {

  /** One reading of a running container: its cgroup's counters, the host's, its interfaces. */
  record Sample(
      Instant read,
      ResourceUsage usage,
      HostCounters host,
      Optional<Map<String, InterfaceCounters>> networks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PidsBody(@JsonProperty("current") Long current, @JsonProperty("limit") Long limit) {}

  record BlkioBody(
      @JsonProperty("io_service_bytes_recursive") List<Object> serviceBytes,
      @JsonProperty("io_serviced_recursive") List<Object> serviced,
      @JsonProperty("io_queue_recursive") List<Object> queue,
      @JsonProperty("io_service_time_recursive") List<Object> serviceTime,
      @JsonProperty("io_wait_time_recursive") List<Object> waitTime,
      @JsonProperty("io_merged_recursive") List<Object> merged,
      @JsonProperty("io_time_recursive") List<Object> time,
      @JsonProperty("sectors_recursive") List<Object> sectors) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CpuBody(
      @JsonProperty("cpu_usage") CpuUsageBody usage,
      @JsonProperty("system_cpu_usage") Long systemUsage,
      @JsonProperty("online_cpus") Integer onlineCpus,
      @JsonProperty("throttling_data") ThrottlingBody throttling) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CpuUsageBody(
      @JsonProperty("total_usage") long total,
      @JsonProperty("percpu_usage") List<Long> perCpu,
      @JsonProperty("usage_in_kernelmode") long kernel,
      @JsonProperty("usage_in_usermode") long user) {}

  record ThrottlingBody(
      @JsonProperty("periods") long periods,
      @JsonProperty("throttled_periods") long throttledPeriods,
      @JsonProperty("throttled_time") long throttledTime) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MemoryBody(
      @JsonProperty("usage") Long usage,
      @JsonProperty("max_usage") Long maxUsage,
      @JsonProperty("stats") Map<String, Long> stats,
      @JsonProperty("limit") Long limit) {}

  record NetworkBody(
      @JsonProperty("rx_bytes") long rxBytes,
      @JsonProperty("rx_packets") long rxPackets,
      @JsonProperty("rx_errors") long rxErrors,
      @JsonProperty("rx_dropped") long rxDropped,
      @JsonProperty("tx_bytes") long txBytes,
      @JsonProperty("tx_packets") long txPackets,
      @JsonProperty("tx_errors") long txErrors,
      @JsonProperty("tx_dropped") long txDropped) {}

  private static final CpuBody ZERO_CPU =
      new CpuBody(new CpuUsageBody(0, null, 0, 0), null, null, new ThrottlingBody(0, 0, 0));

  /** What dockerd answers for a container that does not run: zeros, its name and id. */
  static StatsBody notRunning(Container container) {
    return new StatsBody(
        ApiTime.ZERO,
        ApiTime.ZERO,
        new PidsBody(null, null),
        new BlkioBody(null, null, null, null, null, null, null, null),
        0,
        Map.of(),
        ZERO_CPU,
        ZERO_CPU,
        new MemoryBody(null, null, null, null),
        "/" + container.name(),
        container.id(),
        null);
  }

  /**
   * A running container's object.
   *
   * @param previous the reading before, for {@code precpu_stats}; empty leaves it zero
   */
  static StatsBody of(Container container, Sample current, Optional<Sample> previous) {
    ResourceUsage usage = current.usage();
    ResourceUsage.Memory memory = usage.memory();
    long hostMemory = current.host().memoryBytes();
    long limit = memory.limit().orElse(hostMemory);
    if (hostMemory > 0 && limit > hostMemory) {
      limit = hostMemory;
    }
    List<Object> none = List.of();
    return new StatsBody(
        ApiTime.format(current.read()),
        previous.map(sample -> ApiTime.format(sample.read())).orElse(ApiTime.ZERO),
        new PidsBody(
            usage.pids().current(),
            usage.pids().limit().isPresent() ? usage.pids().limit().getAsLong() : null),
        new BlkioBody(none, none, none, none, none, none, none, none),
        0,
        Map.of(),
        cpu(current),
        previous.map(StatsBody::cpu).orElse(ZERO_CPU),
        new MemoryBody(
            memory.usage(),
            memory.maxUsage().isPresent() ? memory.maxUsage().getAsLong() : null,
            new TreeMap<>(memory.stats()),
            limit),
        "/" + container.name(),
        container.id(),
        current.networks().map(StatsBody::networks).orElse(null));
  }

  private static CpuBody cpu(Sample sample) {
    ResourceUsage.Cpu cpu = sample.usage().cpu();
    return new CpuBody(
        new CpuUsageBody(
            cpu.totalNanos(),
            cpu.perCpuNanos().isEmpty() ? null : cpu.perCpuNanos(),
            cpu.kernelNanos(),
            cpu.userNanos()),
        sample.host().systemCpuNanos(),
        sample.host().onlineCpus(),
        new ThrottlingBody(cpu.periods(), cpu.throttledPeriods(), cpu.throttledNanos()));
  }

  private static Map<String, NetworkBody> networks(Map<String, InterfaceCounters> interfaces) {
    var bodies = new TreeMap<String, NetworkBody>();
    interfaces.forEach(
        (name, counters) ->
            bodies.put(
                name,
                new NetworkBody(
                    counters.rxBytes(),
                    counters.rxPackets(),
                    counters.rxErrors(),
                    counters.rxDropped(),
                    counters.txBytes(),
                    counters.txPackets(),
                    counters.txErrors(),
                    counters.txDropped())));
    return bodies;
  }
}

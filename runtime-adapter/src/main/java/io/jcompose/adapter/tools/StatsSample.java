package io.jcompose.adapter.tools;

import java.util.Map;
import java.util.Objects;

/**
 * One reading of {@code GET /containers/{id}/stats}, the raw counters the docker CLI computes its
 * columns from.
 *
 * @param name the container's name without the leading slash
 * @param id the container's ID
 * @param cpu this reading's CPU counters
 * @param previousCpu the reading before ({@code precpu_stats}), zeros on a first sample
 * @param memory memory use
 * @param io network and block bytes
 * @param pids processes and threads in the container
 */
public record StatsSample(
    String name, String id, Cpu cpu, Cpu previousCpu, Memory memory, Io io, long pids) {

  public StatsSample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(previousCpu, "previousCpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(io, "io");
  }

  /**
   * @param totalUsage the container's CPU time in nanoseconds
   * @param systemUsage the host's CPU time in nanoseconds
   * @param onlineCpus CPUs online, 0 when the daemon does not say
   * @param perCpuCount how many per-CPU counters the daemon sent (the fallback for onlineCpus)
   */
  public record Cpu(long totalUsage, long systemUsage, int onlineCpus, int perCpuCount) {
    public static final Cpu NONE = new Cpu(0, 0, 0, 0);
  }

  /**
   * @param usage bytes in use, cache included
   * @param limit the limit in bytes (the host's memory without one)
   * @param stats the cgroup's counters ({@code inactive_file}, {@code total_inactive_file} ...)
   */
  public record Memory(long usage, long limit, Map<String, Long> stats) {
    public Memory {
      stats = Map.copyOf(stats);
    }
  }

  /**
   * @param networkReceived bytes received on every interface
   * @param networkSent bytes sent on every interface
   * @param blockRead bytes read from block devices
   * @param blockWritten bytes written to block devices
   */
  public record Io(long networkReceived, long networkSent, long blockRead, long blockWritten) {}
}

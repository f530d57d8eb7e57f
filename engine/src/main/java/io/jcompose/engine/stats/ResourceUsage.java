package io.jcompose.engine.stats;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a container's cgroup counted at one moment: CPU time, memory, processes.
 *
 * @param cpu CPU time used
 * @param memory memory used and allowed
 * @param pids processes and their limit
 */
public record ResourceUsage(Cpu cpu, Memory memory, Pids pids) {

  public ResourceUsage {
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(pids, "pids");
  }

  /**
   * @param totalNanos all CPU time of the cgroup
   * @param perCpuNanos per CPU (v1 only; empty on cgroup2)
   * @param kernelNanos in the kernel
   * @param userNanos in user space
   */
  public record Cpu(
      long totalNanos,
      List<Long> perCpuNanos,
      long kernelNanos,
      long userNanos,
      long periods,
      long throttledPeriods,
      long throttledNanos) {
    public Cpu {
      perCpuNanos = List.copyOf(perCpuNanos);
    }
  }

  /**
   * @param maxUsage the peak (v1 only)
   * @param limit empty without one
   * @param stats {@code memory.stat}, by key
   */
  public record Memory(
      long usage, OptionalLong maxUsage, OptionalLong limit, Map<String, Long> stats) {
    public Memory {
      Objects.requireNonNull(maxUsage, "maxUsage");
      Objects.requireNonNull(limit, "limit");
      stats = Map.copyOf(stats);
    }
  }

  /**
   * @param limit empty without one
   */
  public record Pids(long current, OptionalLong limit) {
    public Pids {
      Objects.requireNonNull(limit, "limit");
    }
  }
}

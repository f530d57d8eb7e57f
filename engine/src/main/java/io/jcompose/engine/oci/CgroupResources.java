package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The container's cgroup and its limits.
 *
 * @param cgroupPath absolute, {@code /jcompose/<id>}; runc creates it in every hierarchy (a
 *     relative path would be placed wherever the runtime sees fit)
 * @param memoryBytes the memory limit
 * @param memoryAndSwapBytes memory plus swap ({@code MemorySwap}); {@code -1} for unlimited swap;
 *     absent means twice the memory limit, as in Docker
 * @param memoryReservationBytes the soft limit the kernel reclaims towards under pressure
 * @param disableOomKiller the kernel pauses rather than OOM-kills at the limit (cgroup v1 only)
 * @param pidsLimit the most tasks the cgroup may hold
 * @param cpu cpu shares, quota and cpuset
 */
public record CgroupResources(
    String cgroupPath,
    OptionalLong memoryBytes,
    OptionalLong memoryAndSwapBytes,
    OptionalLong memoryReservationBytes,
    boolean disableOomKiller,
    OptionalLong pidsLimit,
    CpuLimit cpu) {

  private static final long MINIMUM_MEMORY = 6 * 1024 * 1024;

  public CgroupResources {
    Objects.requireNonNull(cgroupPath, "cgroupPath");
    Objects.requireNonNull(memoryBytes, "memoryBytes");
    Objects.requireNonNull(memoryAndSwapBytes, "memoryAndSwapBytes");
    Objects.requireNonNull(memoryReservationBytes, "memoryReservationBytes");
    Objects.requireNonNull(pidsLimit, "pidsLimit");
    Objects.requireNonNull(cpu, "cpu");
    if (!cgroupPath.startsWith("/") || cgroupPath.length() < 2 || cgroupPath.contains("..")) {
      throw new EngineFault.InvalidArgument(
          "cgroup path \"" + cgroupPath + "\" must be absolute, below /, without ..");
    }
    if (memoryBytes.isPresent() && memoryBytes.getAsLong() < MINIMUM_MEMORY) {
      throw new EngineFault.InvalidArgument("Minimum memory limit allowed is 6MB");
    }
    if (memoryReservationBytes.isPresent()) {
      long reservation = memoryReservationBytes.getAsLong();
      if (reservation < MINIMUM_MEMORY) {
        throw new EngineFault.InvalidArgument("Minimum memory reservation allowed is 6MB");
      }
      if (memoryBytes.isPresent() && memoryBytes.getAsLong() < reservation) {
        throw new EngineFault.InvalidArgument(
            "Minimum memory limit can not be less than memory reservation limit, see usage");
      }
    }
    if (memoryAndSwapBytes.isPresent()) {
      long total = memoryAndSwapBytes.getAsLong();
      if (memoryBytes.isEmpty()) {
        throw new EngineFault.InvalidArgument(
            "You should always set the Memory limit when using Memoryswap limit, see usage");
      }
      if (total != -1 && total < memoryBytes.getAsLong()) {
        throw new EngineFault.InvalidArgument(
            "Minimum memoryswap limit should be larger than memory limit, see usage");
      }
    }
    if (pidsLimit.isPresent() && pidsLimit.getAsLong() <= 0) {
      throw new EngineFault.InvalidArgument("pids limit must be > 0");
    }
  }

  public static CgroupResources unlimited(String cgroupPath) {
    return new CgroupResources(
        cgroupPath,
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        false,
        OptionalLong.empty(),
        CpuLimit.NONE);
  }

  public CgroupResources withMemory(long limitBytes, OptionalLong newMemoryAndSwapBytes) {
    return new CgroupResources(
        cgroupPath,
        OptionalLong.of(limitBytes),
        newMemoryAndSwapBytes,
        memoryReservationBytes,
        disableOomKiller,
        pidsLimit,
        cpu);
  }

  public CgroupResources withMemoryReservation(long reservationBytes) {
    return new CgroupResources(
        cgroupPath,
        memoryBytes,
        memoryAndSwapBytes,
        OptionalLong.of(reservationBytes),
        disableOomKiller,
        pidsLimit,
        cpu);
  }

  public CgroupResources withOomKillerDisabled(boolean disabled) {
    return new CgroupResources(
        cgroupPath,
        memoryBytes,
        memoryAndSwapBytes,
        memoryReservationBytes,
        disabled,
        pidsLimit,
        cpu);
  }

  public CgroupResources withPidsLimit(long limit) {
    return new CgroupResources(
        cgroupPath,
        memoryBytes,
        memoryAndSwapBytes,
        memoryReservationBytes,
        disableOomKiller,
        OptionalLong.of(limit),
        cpu);
  }

  public CgroupResources withCpu(CpuLimit newCpu) {
    return new CgroupResources(
        cgroupPath,
        memoryBytes,
        memoryAndSwapBytes,
        memoryReservationBytes,
        disableOomKiller,
        pidsLimit,
        newCpu);
  }

  /** The swap limit for the spec ({@code memory.memsw} on v1): memory plus swap. */
  OptionalLong specSwapBytes() {
    if (memoryBytes.isEmpty()) {
      return OptionalLong.empty();
    }
    if (memoryAndSwapBytes.isPresent()) {
      return memoryAndSwapBytes;
    }
    return OptionalLong.of(memoryBytes.getAsLong() * 2);
  }
}

package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * CPU weight and bandwidth.
 *
 * @param shares relative weight ({@code CpuShares}, 2 to 262144)
 * @param quotaMicros CPU time allowed per period
 * @param periodMicros the period for {@code quotaMicros} (100000 by default)
 * @param cpus the CPUs it may run on ({@code 0-2,4}); empty for all
 * @param mems the memory nodes it may use; empty for all
 */
public record CpuLimit(
    OptionalLong shares,
    OptionalLong quotaMicros,
    OptionalLong periodMicros,
    String cpus,
    String mems) {

  public static final CpuLimit NONE =
      new CpuLimit(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), "", "");

  private static final String CPU_LIST = "([0-9]+(-[0-9]+)?)(,([0-9]+(-[0-9]+)?))*";

  private static final long DEFAULT_PERIOD = 100_000;

  public CpuLimit {
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(quotaMicros, "quotaMicros");
    Objects.requireNonNull(periodMicros, "periodMicros");
    if (!cpus.isEmpty() && !cpus.matches(CPU_LIST)) {
      throw new EngineFault.InvalidArgument("Invalid value " + cpus + " for cpuset cpus");
    }
    if (!mems.isEmpty() && !mems.matches(CPU_LIST)) {
      throw new EngineFault.InvalidArgument("Invalid value " + mems + " for cpuset mems");
    }
    if (shares.isPresent() && (shares.getAsLong() < 2 || shares.getAsLong() > 262_144)) {
      throw new EngineFault.InvalidArgument("cpu shares must be in 2-262144");
    }
    if (quotaMicros.isPresent() && quotaMicros.getAsLong() < 1000) {
      throw new EngineFault.InvalidArgument("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    if (periodMicros.isPresent()
        && (periodMicros.getAsLong() < 1000 || periodMicros.getAsLong() > 1_000_000)) {
      throw new EngineFault.InvalidArgument(
          "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
  }

  /** Docker's {@code NanoCpus} ({@code --cpus 1.5} is 1500000000) as a quota per 100 ms. */
  public static CpuLimit ofNanoCpus(long nanoCpus) {
    if (nanoCpus <= 0) {
      throw new EngineFault.InvalidArgument("NanoCPUs must be > 0");
    }
    return new CpuLimit(
        OptionalLong.empty(),
        OptionalLong.of(nanoCpus * DEFAULT_PERIOD / 1_000_000_000L),
        OptionalLong.of(DEFAULT_PERIOD),
        "",
        "");
  }

  public CpuLimit withCpuset(String newCpus, String newMems) {
    return new CpuLimit(shares, quotaMicros, periodMicros, newCpus, newMems);
  }
}

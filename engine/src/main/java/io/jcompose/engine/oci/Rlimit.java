package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Locale;

/**
 * One resource limit, as Docker's {@code Ulimits} entry gives it.
 *
 * @param type the kernel's name, {@code RLIMIT_NOFILE}
 * @param soft the soft limit; {@link #UNLIMITED} for none
 * @param hard the hard limit; {@link #UNLIMITED} for none
 */
public record Rlimit(String type, long soft, long hard) {

  /** No limit (the kernel's {@code RLIM_INFINITY}). */
  public static final long UNLIMITED = Long.MAX_VALUE;

  static final List<String> TYPES =
      List.of(
          "RLIMIT_AS",
          "RLIMIT_CORE",
          "RLIMIT_CPU",
          "RLIMIT_DATA",
          "RLIMIT_FSIZE",
          "RLIMIT_LOCKS",
          "RLIMIT_MEMLOCK",
          "RLIMIT_MSGQUEUE",
          "RLIMIT_NICE",
          "RLIMIT_NOFILE",
          "RLIMIT_NPROC",
          "RLIMIT_RSS",
          "RLIMIT_RTPRIO",
          "RLIMIT_RTTIME",
          "RLIMIT_SIGPENDING",
          "RLIMIT_STACK");

  public Rlimit {
    if (!TYPES.contains(type)) {
      throw new EngineFault.InvalidArgument("unknown rlimit type \"" + type + "\"");
    }
    if (soft < 0 || hard < 0) {
      throw new EngineFault.InvalidArgument(type + " limits must not be negative");
    }
    if (soft > hard) {
      throw new EngineFault.InvalidArgument(
          type + " soft limit " + soft + " is above its hard limit " + hard);
    }
  }

  /**
   * A limit from Docker's ulimit name ({@code nofile}, {@code nproc}); {@code -1} means unlimited.
   */
  public static Rlimit of(String ulimitName, long soft, long hard) {
    return new Rlimit(
        "RLIMIT_" + ulimitName.toUpperCase(Locale.ROOT),
        soft < 0 ? UNLIMITED : soft,
        hard < 0 ? UNLIMITED : hard);
  }

  /** This limit lowered to at most {@code ceiling} (both soft and hard). */
  Rlimit clampedTo(long ceiling) {
    return new Rlimit(type, Math.min(soft, ceiling), Math.min(hard, ceiling));
  }
}

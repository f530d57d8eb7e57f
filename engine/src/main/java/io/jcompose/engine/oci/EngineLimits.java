package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine itself may hand on to a container: runc runs with the engine's credentials, so it
 * cannot raise a hard rlimit above the engine's own (without {@code CAP_SYS_RESOURCE}) nor grant a
 * capability outside the engine's bounding set.
 *
 * @param hardRlimits each rlimit type's hard value for the engine ({@link Rlimit#UNLIMITED} for
 *     none); types not listed are not clamped
 * @param mayRaiseRlimits the engine holds {@code CAP_SYS_RESOURCE}, so nothing is clamped
 * @param boundingCapabilities the capabilities the engine can grant
 */
public record EngineLimits(
    Map<String, Long> hardRlimits, boolean mayRaiseRlimits, Set<String> boundingCapabilities) {

  private static final Map<String, String> PROC_LIMIT_NAMES =
      Map.ofEntries(
          Map.entry("Max cpu time", "RLIMIT_CPU"),
          Map.entry("Max file size", "RLIMIT_FSIZE"),
          Map.entry("Max data size", "RLIMIT_DATA"),
          Map.entry("Max stack size", "RLIMIT_STACK"),
          Map.entry("Max core file size", "RLIMIT_CORE"),
          Map.entry("Max resident set", "RLIMIT_RSS"),
          Map.entry("Max processes", "RLIMIT_NPROC"),
          Map.entry("Max open files", "RLIMIT_NOFILE"),
          Map.entry("Max locked memory", "RLIMIT_MEMLOCK"),
          Map.entry("Max address space", "RLIMIT_AS"),
          Map.entry("Max file locks", "RLIMIT_LOCKS"),
          Map.entry("Max pending signals", "RLIMIT_SIGPENDING"),
          Map.entry("Max msgqueue size", "RLIMIT_MSGQUEUE"),
          Map.entry("Max nice priority", "RLIMIT_NICE"),
          Map.entry("Max realtime priority", "RLIMIT_RTPRIO"),
          Map.entry("Max realtime timeout", "RLIMIT_RTTIME"));

  private static final int CAP_SYS_RESOURCE = 24;

  public EngineLimits {
    hardRlimits = Map.copyOf(hardRlimits);
    boundingCapabilities = Set.copyOf(boundingCapabilities);
  }

  /** The limits of the running engine, from {@code /proc/self/limits} and {@code status}. */
  public static EngineLimits ofThisProcess() {
    return parse(read(Path.of("/proc/self/limits")), read(Path.of("/proc/self/status")));
  }

  /** Nothing clamped: every rlimit may be raised and every capability granted. */
  public static EngineLimits unrestricted() {
    return new EngineLimits(Map.of(), true, Set.copyOf(Capabilities.LINUX_ALL));
  }

  static EngineLimits parse(String procLimits, String procStatus) {
    var hard = new HashMap<String, Long>();
    for (String line : procLimits.split("\n")) {
      for (var name : PROC_LIMIT_NAMES.entrySet()) {
        if (line.startsWith(name.getKey() + " ")) {
          String[] columns = line.substring(name.getKey().length()).trim().split("\\s+");
          if (columns.length >= 2) {
            hard.put(
                name.getValue(),
                columns[1].equals("unlimited") ? Rlimit.UNLIMITED : Long.parseLong(columns[1]));
          }
        }
      }
    }
    long effective = capabilityMask(procStatus, "CapEff:");
    long bounding = capabilityMask(procStatus, "CapBnd:");
    var capabilities = new LinkedHashSet<String>();
    List<String> all = Capabilities.LINUX_ALL;
    for (int bit = 0; bit < all.size(); bit++) {
      if ((bounding & (1L << bit)) != 0) {
        capabilities.add(all.get(bit));
      }
    }
    return new EngineLimits(hard, (effective & (1L << CAP_SYS_RESOURCE)) != 0, capabilities);
  }

  /** The limit as runc can apply it. */
  Rlimit clamp(Rlimit limit) {
    if (mayRaiseRlimits) {
      return limit;
    }
    return limit.clampedTo(hardRlimits.getOrDefault(limit.type(), Rlimit.UNLIMITED));
  }

  private static long capabilityMask(String procStatus, String field) {
    for (String line : procStatus.split("\n")) {
      if (line.startsWith(field)) {
        return Long.parseUnsignedLong(line.substring(field.length()).trim(), 16);
      }
    }
    throw new EngineFault.Internal("no " + field + " line in /proc/self/status", null);
  }

  private static String read(Path file) {
    try {
      return Files.readString(Objects.requireNonNull(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

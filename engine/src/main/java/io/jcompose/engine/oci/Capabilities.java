package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The capabilities a container asks for, as Docker's {@code Privileged}, {@code CapAdd} and {@code
 * CapDrop} give them. Names may be written with or without {@code CAP_}, in any case; {@code ALL}
 * stands for every capability.
 *
 * @param privileged every capability the engine itself holds (and no masked paths, all devices)
 * @param added capabilities added to Docker's default 14
 * @param dropped capabilities removed from them; dropping {@code ALL} keeps only {@code added}
 */
public record Capabilities(boolean privileged, List<String> added, List<String> dropped) {

  /** Docker's default set. */
  public static final List<String> DOCKER_DEFAULTS =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FSETID",
          "CAP_FOWNER",
          "CAP_MKNOD",
          "CAP_NET_RAW",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETFCAP",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_KILL",
          "CAP_AUDIT_WRITE");

  /** Every capability Linux defines, by bit number (0 through 40). */
  public static final List<String> LINUX_ALL =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_DAC_READ_SEARCH",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST",
          "CAP_NET_ADMIN",
          "CAP_NET_RAW",
          "CAP_IPC_LOCK",
          "CAP_IPC_OWNER",
          "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO",
          "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE",
          "CAP_SYS_PACCT",
          "CAP_SYS_ADMIN",
          "CAP_SYS_BOOT",
          "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE",
          "CAP_SYS_TIME",
          "CAP_SYS_TTY_CONFIG",
          "CAP_MKNOD",
          "CAP_LEASE",
          "CAP_AUDIT_WRITE",
          "CAP_AUDIT_CONTROL",
          "CAP_SETFCAP",
          "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN",
          "CAP_SYSLOG",
          "CAP_WAKE_ALARM",
          "CAP_BLOCK_SUSPEND",
          "CAP_AUDIT_READ",
          "CAP_PERFMON",
          "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE");

  public static final Capabilities DEFAULT = new Capabilities(false, List.of(), List.of());

  private static final String ALL = "ALL";

  public Capabilities {
    added = added.stream().map(Capabilities::canonical).distinct().toList();
    dropped = dropped.stream().map(Capabilities::canonical).distinct().toList();
  }

  /**
   * The capabilities to grant, in a stable order, limited to {@code available} (the engine's own
   * bounding set: runc cannot grant what it does not hold).
   */
  public List<String> resolve(Set<String> available) {
    var granted = new LinkedHashSet<String>();
    if (privileged || added.contains(ALL)) {
      granted.addAll(LINUX_ALL);
    } else {
      if (!dropped.contains(ALL)) {
        granted.addAll(DOCKER_DEFAULTS);
        dropped.forEach(granted::remove);
      }
      granted.addAll(added);
    }
    if (!privileged && added.contains(ALL)) {
      dropped.forEach(granted::remove);
    }
    var result = new ArrayList<String>();
    for (String capability : granted) {
      if (available.contains(capability)) {
        result.add(capability);
      }
    }
    return List.copyOf(result);
  }

  /**
   * {@code net_admin} → {@code CAP_NET_ADMIN}; {@code all} → {@code ALL}.
   *
   * @throws EngineFault.InvalidArgument for a name Linux does not define
   */
  static String canonical(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.equals(ALL)) {
      return ALL;
    }
    String canonical = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
    if (!LINUX_ALL.contains(canonical)) {
      throw new EngineFault.InvalidArgument("unknown capability: \"" + name + "\"");
    }
    return canonical;
  }
}

package io.jcompose.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /info} and {@code /version} report about the host, read from {@code /proc}, {@code
 * /sys} and {@code /etc/os-release} (the values {@code uname} would print).
 *
 * @param architecture as {@code uname -m} says it ({@code x86_64}), for {@code /info}
 * @param platformArch as Go names it ({@code amd64}), for {@code /version} and image platforms
 * @param cgroupVersion {@code "2"} on the unified hierarchy, else {@code "1"}
 */
public record HostFacts(
    String hostname,
    int cpus,
    long memoryBytes,
    String kernelVersion,
    String operatingSystem,
    String osVersion,
    String architecture,
    String platformArch,
    String cgroupVersion,
    boolean ipv4Forwarding,
    boolean bridgeNfIptables,
    boolean bridgeNfIp6tables) {

  public HostFacts {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(platformArch, "platformArch");
    Objects.requireNonNull(cgroupVersion, "cgroupVersion");
  }

  /** Reads the facts of the machine the engine runs on. */
  public static HostFacts probe() {
    String javaArch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
    return new HostFacts(
        read("/proc/sys/kernel/hostname").orElse("localhost"),
        Runtime.getRuntime().availableProcessors(),
        readMemTotal(),
        read("/proc/sys/kernel/osrelease").orElse("unknown"),
        osRelease("PRETTY_NAME").orElse("Linux"),
        osRelease("VERSION_ID").orElse(""),
        unameMachine(javaArch),
        goArch(javaArch),
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
        read("/proc/sys/net/ipv4/ip_forward").map("1"::equals).orElse(false),
        read("/proc/sys/net/bridge/bridge-nf-call-iptables").map("1"::equals).orElse(false),
        read("/proc/sys/net/bridge/bridge-nf-call-ip6tables").map("1"::equals).orElse(false));
  }

  static String goArch(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> javaArch;
    };
  }

  static String unameMachine(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "x86", "i386" -> "i686";
      default -> javaArch;
    };
  }

  private static long readMemTotal() {
    return read("/proc/meminfo")
        .flatMap(
            text ->
                text.lines()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .findFirst()
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .filter(digits -> !digits.isEmpty())
                    .map(kibibytes -> Long.parseLong(kibibytes) * 1024))
        .orElse(0L);
  }

  private static Optional<String> osRelease(String key) {
    return read("/etc/os-release")
        .flatMap(
            text ->
                text.lines()
                    .filter(line -> line.startsWith(key + "="))
                    .findFirst()
                    .map(line -> line.substring(key.length() + 1).replace("\"", "")));
  }

  private static Optional<String> read(String file) {
    try {
      return Optional.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

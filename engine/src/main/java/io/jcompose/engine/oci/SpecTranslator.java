package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.oci.RuntimeSpecTemplate.CapabilitiesTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.CpuTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.DeviceRuleTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.DeviceTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.LinuxTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.MemoryTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.MountTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.NamespaceTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.PidsTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.ProcessTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.ResourcesTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.RlimitTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.RootTemplate;
import io.jcompose.engine.oci.RuntimeSpecTemplate.UserTemplate;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Translates a {@link ContainerProcess} into the {@code config.json} wire format. */
final class SpecTranslator {

  static final String INIT_PATH = "/sbin/docker-init";
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final BigInteger RLIM_INFINITY = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

  private final EngineLimits limits;
  private final Optional<Path> initBinary;
  private final CgroupHost cgroups;

  SpecTranslator(EngineLimits limits, Optional<Path> initBinary, CgroupHost cgroups) {
    this.limits = limits;
    this.initBinary = initBinary;
    this.cgroups = cgroups;
  }

  RuntimeSpecTemplate toTemplate(ContainerProcess container, Path rootfs, ProcessUser user) {
    return new RuntimeSpecTemplate(
        "1.0.2-dev",
        process(container, user),
        new RootTemplate(rootfs.toString(), container.filesystem().readonlyRootfs()),
        container.hostname(),
        mounts(container),
        linux(container));
  }

  private ProcessTemplate process(ContainerProcess container, ProcessUser user) {
    Command command = container.command();
    var args = new ArrayList<String>();
    if (container.init()) {
      args.add(INIT_PATH);
      args.add("--");
    }
    args.addAll(command.args());
    var env = new ArrayList<>(command.env());
    addIfMissing(env, "PATH", DEFAULT_PATH);
    addIfMissing(env, "HOSTNAME", container.hostname());
    if (command.terminal()) {
      addIfMissing(env, "TERM", "xterm");
    }
    user.home().ifPresent(home -> addIfMissing(env, "HOME", home));
    List<String> capabilities = container.capabilities().resolve(limits.boundingCapabilities());
    return new ProcessTemplate(
        command.terminal(),
        new UserTemplate(user.uid(), user.gid(), user.additionalGids()),
        args,
        env,
        command.cwd(),
        new CapabilitiesTemplate(capabilities, capabilities, capabilities),
        container.rlimits().isEmpty()
            ? null
            : container.rlimits().stream().map(limits::clamp).map(SpecTranslator::rlimit).toList(),
        false);
  }

  private List<MountTemplate> mounts(ContainerProcess container) {
    boolean privileged = container.capabilities().privileged();
    Filesystem filesystem = container.filesystem();
    var mounts = new ArrayList<MountTemplate>();
    mounts.add(new MountTemplate("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
    mounts.add(
        new MountTemplate(
            "/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
    mounts.add(
        new MountTemplate(
            "/dev/pts",
            "devpts",
            "devpts",
            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")));
    mounts.add(
        new MountTemplate(
            "/dev/shm",
            "tmpfs",
            "shm",
            List.of(
                "nosuid",
                "noexec",
                "nodev",
                "mode=1777",
                "size=" + filesystem.shmSizeBytes() / 1024 + "k")));
    mounts.add(
        new MountTemplate("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
    String systemAccess = privileged ? "rw" : "ro";
    mounts.add(
        new MountTemplate(
            "/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", systemAccess)));
    mounts.add(
        new MountTemplate(
            "/sys/fs/cgroup",
            "cgroup",
            "cgroup",
            List.of("nosuid", "noexec", "nodev", "relatime", systemAccess)));
    String hostFileAccess = filesystem.readonlyRootfs() ? "ro" : "rw";
    HostFiles hostFiles = filesystem.hostFiles();
    hostFiles.resolvConf().ifPresent(f -> mounts.add(bind(f, "/etc/resolv.conf", hostFileAccess)));
    hostFiles.hostname().ifPresent(f -> mounts.add(bind(f, "/etc/hostname", hostFileAccess)));
    hostFiles.hosts().ifPresent(f -> mounts.add(bind(f, "/etc/hosts", hostFileAccess)));
    if (container.init()) {
      Path init =
          initBinary.orElseThrow(
              () ->
                  new EngineFault.Unavailable(
                      "init: true needs tini (Debian/Ubuntu: apt-get install -y tini)", null));
      mounts.add(bind(init, INIT_PATH, "ro"));
    }
    var ordered = new ArrayList<>(filesystem.mounts());
    ordered.sort(Comparator.comparingInt(mount -> depth(mount.destination())));
    for (Mount mount : ordered) {
      if (mount instanceof Mount.Bind bind) {
        mounts.add(bind(bind.source(), bind.destination(), bind.readOnly() ? "ro" : "rw"));
      } else if (mount instanceof Mount.Tmpfs tmpfs) {
        mounts.add(tmpfs(tmpfs));
      }
    }
    return mounts;
  }

  private LinuxTemplate linux(ContainerProcess container) {
    boolean privileged = container.capabilities().privileged();
    CgroupResources resources = container.resources();
    var namespaces = new ArrayList<NamespaceTemplate>();
    namespace(namespaces, "pid", container.namespaces().pid());
    namespace(namespaces, "network", container.namespaces().network());
    namespace(namespaces, "ipc", container.namespaces().ipc());
    namespaces.add(new NamespaceTemplate("uts", null));
    namespaces.add(new NamespaceTemplate("mount", null));
    if (cgroups.unified()) {
      namespaces.add(new NamespaceTemplate("cgroup", null)); // dockerd's default on v2
    }
    List<DeviceNode> devices = privileged ? DeviceNode.hostDevices() : container.devices();
    var deviceRules = new ArrayList<DeviceRuleTemplate>();
    deviceRules.add(new DeviceRuleTemplate(privileged, null, null, null, "rwm"));
    if (!privileged) {
      for (DeviceNode device : devices) {
        deviceRules.add(
            new DeviceRuleTemplate(
                true, device.type(), device.major(), device.minor(), device.permissions()));
      }
    }
    return new LinuxTemplate(
        resources.cgroupPath(),
        new ResourcesTemplate(
            deviceRules,
            memory(resources),
            resources.pidsLimit().isPresent()
                ? new PidsTemplate(resources.pidsLimit().getAsLong())
                : null,
            cpu(resources.cpu())),
        devices.isEmpty()
            ? null
            : devices.stream()
                .map(
                    device ->
                        new DeviceTemplate(
                            device.path(),
                            device.type(),
                            device.major(),
                            device.minor(),
                            device.fileMode(),
                            device.uid(),
                            device.gid()))
                .toList(),
        container.sysctls().isEmpty() ? null : container.sysctls(),
        namespaces,
        privileged ? null : Filesystem.MASKED_PATHS,
        privileged ? null : Filesystem.READONLY_PATHS);
  }

  private MemoryTemplate memory(CgroupResources resources) {
    // cgroup v2 has no OOM-killer switch, and without swap accounting runc cannot write a swap
    // limit: dockerd drops either setting with a warning
    boolean disableOomKiller = resources.disableOomKiller() && !cgroups.unified();
    if (resources.memoryBytes().isEmpty()
        && resources.memoryReservationBytes().isEmpty()
        && !disableOomKiller) {
      return null;
    }
    return new MemoryTemplate(
        boxed(resources.memoryBytes()),
        cgroups.swapLimit() ? boxed(resources.specSwapBytes()) : null,
        boxed(resources.memoryReservationBytes()),
        disableOomKiller ? Boolean.TRUE : null);
  }

  private static CpuTemplate cpu(CpuLimit cpu) {
    if (cpu.equals(CpuLimit.NONE)) {
      return null;
    }
    return new CpuTemplate(
        boxed(cpu.shares()),
        boxed(cpu.quotaMicros()),
        boxed(cpu.periodMicros()),
        cpu.cpus().isEmpty() ? null : cpu.cpus(),
        cpu.mems().isEmpty() ? null : cpu.mems());
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static void namespace(List<NamespaceTemplate> into, String type, NamespaceChoice choice) {
    if (choice instanceof NamespaceChoice.Private) {
      into.add(new NamespaceTemplate(type, null));
    } else if (choice instanceof NamespaceChoice.Join join) {
      into.add(new NamespaceTemplate(type, join.path().toString()));
    }
    // NamespaceChoice.Host: no entry, so the process stays in the engine's namespace
  }

  private static MountTemplate bind(Path source, String destination, String access) {
    return new MountTemplate(
        destination, "bind", source.toString(), List.of("rbind", "rprivate", access));
  }

  private static MountTemplate tmpfs(Mount.Tmpfs tmpfs) {
    var options = new ArrayList<>(List.of("nosuid", "nodev", "noexec"));
    tmpfs.sizeBytes().ifPresent(size -> options.add("size=" + size));
    tmpfs.mode().ifPresent(mode -> options.add("mode=" + Integer.toOctalString(mode)));
    return new MountTemplate(tmpfs.destination(), "tmpfs", "tmpfs", options);
  }

  private static RlimitTemplate rlimit(Rlimit limit) {
    return new RlimitTemplate(limit.type(), unsigned(limit.hard()), unsigned(limit.soft()));
  }

  private static BigInteger unsigned(long value) {
    return value == Rlimit.UNLIMITED ? RLIM_INFINITY : BigInteger.valueOf(value);
  }

  private static int depth(String destination) {
    return (int) destination.chars().filter(c -> c == '/').count();
  }

  private static void addIfMissing(List<String> env, String key, String value) {
    if (env.stream().noneMatch(entry -> entry.startsWith(key + "="))) {
      env.add(key + "=" + value);
    }
  }
}

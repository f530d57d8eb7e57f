package io.jcompose.engine.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a container's OCI bundle: {@code config.json} in the bundle directory, pointing at a root
 * filesystem that lives elsewhere (the overlay mount point in production). The user is resolved
 * against that root filesystem's {@code /etc/passwd} and {@code /etc/group}; rlimits and
 * capabilities are limited to what the engine itself holds.
 */
public final class BundleWriter {

  /** The name runc looks for in a bundle. */
  public static final String CONFIG_FILE = "config.json";

  private final SpecTranslator translator;
  private final ObjectMapper json;

  /**
   * @param limits the engine's own limits ({@link EngineLimits#ofThisProcess()})
   * @param initBinary tini-static, bound at {@code /sbin/docker-init} for {@code init: true}
   */
  public BundleWriter(EngineLimits limits, Optional<Path> initBinary) {
    this(limits, initBinary, CgroupHost.ofHost());
  }

  /**
   * @param cgroups the host's cgroup layout
   */
  public BundleWriter(EngineLimits limits, Optional<Path> initBinary, CgroupHost cgroups) {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(initBinary, "initBinary");
    Objects.requireNonNull(cgroups, "cgroups");
    this.translator = new SpecTranslator(limits, initBinary, cgroups);
    this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * Creates {@code bundleDirectory} if needed and writes (or replaces) its {@code config.json}.
   *
   * @return the config file
   * @throws EngineFault.InvalidArgument when the user or group is not found in the rootfs
   */
  public Path write(Path bundleDirectory, Path rootfs, ContainerProcess process) {
    if (!rootfs.isAbsolute() || !Files.isDirectory(rootfs)) {
      throw new EngineFault.InvalidArgument("root filesystem " + rootfs + " is not a directory");
    }
    ProcessUser user = process.user().resolve(rootfs);
    RuntimeSpecTemplate spec = translator.toTemplate(process, rootfs, user);
    Path config = bundleDirectory.resolve(CONFIG_FILE);
    Path partial = bundleDirectory.resolve(CONFIG_FILE + ".partial");
    try {
      Files.createDirectories(bundleDirectory);
      json.writeValue(partial.toFile(), spec);
      Files.move(partial, config, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write " + config + ": " + e.getMessage(), e);
    }
    return config;
  }
}

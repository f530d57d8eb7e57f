package io.jcompose.engine.container;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code HostConfig.Mounts}, as asked for.
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs}
 * @param source a volume name (empty for an anonymous volume) or an absolute host path
 * @param target the absolute path in the container
 * @param noCopy a new volume is not filled with the image's files at the target
 * @param volumeLabels labels for a volume created for it
 * @param tmpfsSizeBytes 0 for the kernel's default
 * @param tmpfsMode 0 for the kernel's default
 */
public record MountRequest(
    String type,
    String source,
    String target,
    boolean readOnly,
    boolean noCopy,
    Map<String, String> volumeLabels,
    long tmpfsSizeBytes,
    int tmpfsMode) {

  public MountRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    volumeLabels = Map.copyOf(volumeLabels);
  }
}

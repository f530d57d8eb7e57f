package io.jcompose.engine.archive;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's files as the container sees them: its root filesystem with its mounts on top. Paths
 * are resolved as the container would resolve them (symbolic links relative to the container root,
 * {@code ..} stopping there, the longest mount covering a path deciding where it is on the host),
 * so no path, link or archive entry leads outside the root and the mounts.
 *
 * <p>The engine checks each part and then uses it: a process in the container that swaps a
 * directory for a link in between could redirect an access within its own files only as far as the
 * engine's checks of the final component (never followed) allow.
 *
 * @param root the host directory of the container's root (its mounted rootfs)
 * @param rootReadOnly the container's root is mounted read-only
 * @param mounts what is mounted over it
 */
public record ContainerFileSystem(Path root, boolean rootReadOnly, List<MountedDirectory> mounts) {

  private static final int MAX_LINKS = 40;

  public ContainerFileSystem {
    Objects.requireNonNull(root, "root");
    mounts =
        mounts.stream()
            .sorted(Comparator.comparingInt((MountedDirectory m) -> m.destination().length()))
            .toList();
  }

  /** A path resolved to where it is: the container path its links lead to, the host path. */
  public record Location(String containerPath, Path hostPath, boolean readOnly) {
    /** The last component of the container path, {@code /} for the root. */
    public String name() {
      int slash = containerPath.lastIndexOf('/');
      return containerPath.length() == 1 ? "/" : containerPath.substring(slash + 1);
    }
  }

  /**
   * Resolves every component; the last one is not followed when it is a link.
   *
   * @throws EngineFault.InvalidArgument for a loop of links
   */
  public Location resolveParentLinks(String containerPath) {
    List<String> components = ContainerPath.components(containerPath);
    if (components.isEmpty()) {
      return locate(List.of());
    }
    List<String> parent = resolveComponents(components.subList(0, components.size() - 1));
    var path = new ArrayList<>(parent);
    path.add(components.get(components.size() - 1));
    return locate(path);
  }

  /** Resolves every component, the last one too. */
  public Location resolve(String containerPath) {
    return locate(resolveComponents(ContainerPath.components(containerPath)));
  }

  /** The host place of a container path whose components are resolved already. */
  Location locate(List<String> components) {
    String path = ContainerPath.join(components);
    for (int i = mounts.size() - 1; i >= 0; i--) {
      MountedDirectory mount = mounts.get(i);
      String destination = mount.destination();
      if (path.equals(destination) || path.startsWith(destination + "/")) {
        String rest = path.substring(destination.length()).replaceFirst("^/", "");
        return new Location(
            path, rest.isEmpty() ? mount.source() : mount.source().resolve(rest), mount.readOnly());
      }
    }
    Path host = root;
    for (String component : components) {
      host = host.resolve(component);
    }
    return new Location(path, host, rootReadOnly);
  }

  /** The mounts right below {@code containerPath}, by name (mount points a listing may lack). */
  List<String> mountNamesUnder(String containerPath) {
    String prefix = containerPath.equals("/") ? "/" : containerPath + "/";
    var names = new ArrayList<String>();
    for (MountedDirectory mount : mounts) {
      String destination = mount.destination();
      if (destination.startsWith(prefix) && destination.indexOf('/', prefix.length()) < 0) {
        names.add(destination.substring(prefix.length()));
      }
    }
    return names;
  }

  private List<String> resolveComponents(List<String> components) {
    Deque<String> pending = new ArrayDeque<>();
    for (int i = components.size() - 1; i >= 0; i--) {
      pending.push(components.get(i));
    }
    var resolved = new ArrayList<String>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      resolved.add(part);
      Optional<String> target = linkTarget(locate(resolved).hostPath());
      if (target.isEmpty()) {
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new EngineFault.InvalidArgument(
            "too many levels of symbolic links in " + ContainerPath.join(components));
      }
      resolved.remove(resolved.size() - 1);
      if (target.get().startsWith("/")) {
        resolved.clear();
      }
      String[] parts = target.get().split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        pending.push(parts[i]);
      }
    }
    return resolved;
  }

  private static Optional<String> linkTarget(Path host) {
    if (!Files.isSymbolicLink(host)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readSymbolicLink(host).toString());
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read the link " + host, e);
    }
  }

  /** Whether the host path exists, not following a final link. */
  static boolean exists(Path host) {
    return Files.exists(host, LinkOption.NOFOLLOW_LINKS);
  }
}

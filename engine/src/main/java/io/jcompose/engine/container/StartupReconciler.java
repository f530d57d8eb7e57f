package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.runtime.ContainerStatus;
import io.jcompose.engine.runtime.RecoveredContainer;
import io.jcompose.engine.snapshot.OverlayMount;
import io.jcompose.engine.snapshot.Rootfs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes the records match what survived an earlier engine (one that stopped, or was killed): a
 * container whose conmon still watches it runs on and is adopted; one that exited meanwhile gets
 * its exit handled as if seen live (auto-remove and restart policy included); one whose conmon died
 * is killed (its exit code is lost); one the records say runs but runc does not know (a reboot) is
 * marked exited. Then the networks are reconciled to the survivors, and rootfs mounts, runtime
 * state and directories that belong to no container are removed. Containers under another engine's
 * directory that share the runtime's state root are left alone.
 */
final class StartupReconciler {

  /** What a run whose exit status was lost reports, as dockerd after a host restart. */
  static final int LOST_EXIT_CODE = 255;

  /** What a SIGKILLed process reports. */
  static final int KILLED_EXIT_CODE = 137;

  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ExitHandling exits;
  private final ContainerTeardown teardown;
  private final HealthMonitor health;

  StartupReconciler(
      ContainerSubsystems parts,
      ContainerRegistry registry,
      ExitHandling exits,
      ContainerTeardown teardown,
      HealthMonitor health) {
    this.parts = parts;
    this.registry = registry;
    this.exits = exits;
    this.teardown = teardown;
    this.health = health;
  }

  void reconcile() {
    Set<String> alive = new HashSet<>();
    Map<String, RecoveredContainer> recovered = new HashMap<>();
    for (RecoveredContainer found : parts.runtime().recover()) {
      if (registry.byId(found.containerId()).isPresent()) {
        recovered.put(found.containerId(), found);
      } else if (isOurs(found.bundle())) {
        discardUnknown(found.containerId());
      }
    }
    for (ContainerEntry entry : registry.entries()) {
      entry.lock().lock();
      try {
        if (settle(entry, Optional.ofNullable(recovered.get(entry.id())))) {
          alive.add(entry.id());
        }
      } catch (RuntimeException e) {
        registry.save(
            entry,
            entry.current().withState(state -> state.failed(ContainerLauncher.messageOf(e))));
      } finally {
        entry.lock().unlock();
      }
    }
    parts.networks().reconcile(alive);
    removeLeftoverMounts(alive);
  }

  /** Brings one container's record in line; true if it runs on. */
  private boolean settle(ContainerEntry entry, Optional<RecoveredContainer> found) {
    Container container = entry.current();
    String id = container.id();
    ContainerState.Status status = container.state().status();
    if (status == ContainerState.Status.REMOVING || status == ContainerState.Status.DEAD) {
      teardown.remove(entry, false);
      return false;
    }
    if (found.isPresent() && found.get() instanceof RecoveredContainer.Adopted adopted) {
      if (adopted.status() == ContainerStatus.RUNNING
          || adopted.status() == ContainerStatus.PAUSED) {
        ContainerState.Status live =
            adopted.status() == ContainerStatus.PAUSED
                ? ContainerState.Status.PAUSED
                : ContainerState.Status.RUNNING;
        if (!container.isRunning()) {
          registry.save(
              entry,
              container.withState(
                  state ->
                      state
                          .started(adopted.pid(), parts.clock().instant(), false)
                          .withStatus(live)));
        } else if (container.state().pid() != adopted.pid() || container.state().status() != live) {
          registry.save(
              entry, container.withState(state -> state.withPid(adopted.pid()).withStatus(live)));
        }
        health.started(entry.current());
        return true;
      }
      deleteFromRuntime(id);
      endRun(entry, LOST_EXIT_CODE);
      return false;
    }
    if (found.isPresent() && found.get() instanceof RecoveredContainer.Exited exited) {
      if (container.isRunning()) {
        exits.handle(
            id, exited.exit().exitCode(), exited.exit().finishedAt(), exited.exit().oomKilled());
      } else {
        deleteFromRuntime(id);
      }
      return false;
    }
    if (found.isPresent()) {
      deleteFromRuntime(id);
      endRun(
          entry,
          found.get() instanceof RecoveredContainer.Unmonitored
              ? KILLED_EXIT_CODE
              : LOST_EXIT_CODE);
      return false;
    }
    if (status == ContainerState.Status.RESTARTING) {
      registry.save(
          entry, container.withState(state -> state.withStatus(ContainerState.Status.EXITED)));
    }
    endRun(entry, LOST_EXIT_CODE);
    return false;
  }

  /** A run the records believe in ended without a trace: it is handled as an exit. */
  private void endRun(ContainerEntry entry, int exitCode) {
    if (entry.current().isRunning()) {
      exits.handle(entry.id(), exitCode, parts.clock().instant(), false);
    }
  }

  private void removeLeftoverMounts(Set<String> alive) {
    for (OverlayMount mount : parts.snapshots().mounts()) {
      if (!alive.contains(mount.containerId())) {
        if (registry.byId(mount.containerId()).isPresent()) {
          parts.snapshots().unmount(mount.containerId());
        } else {
          parts.snapshots().release(mount.containerId());
        }
      }
    }
    for (Rootfs rootfs : parts.snapshots().prepared()) {
      if (registry.byId(rootfs.containerId()).isEmpty()) {
        parts.snapshots().release(rootfs.containerId());
      }
    }
    try (DirectoryStream<Path> directories =
        Files.newDirectoryStream(parts.containersDirectory())) {
      for (Path directory : directories) {
        String name = directory.getFileName().toString();
        if (CONTAINER_ID.matcher(name).matches() && registry.byId(name).isEmpty()) {
          discardUnknown(name);
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal(
          "cannot list the container directories in " + parts.containersDirectory(), e);
    }
  }

  /** Something of a container no record names: killed, unmounted, deleted. */
  private void discardUnknown(String containerId) {
    try {
      parts.snapshots().release(containerId);
      parts.runtime().remove(containerId, parts.directoryOf(containerId).bundle());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isOurs(Path bundle) {
    return bundle.toAbsolutePath().normalize().startsWith(parts.containersDirectory());
  }

  private void deleteFromRuntime(String containerId) {
    try {
      if (parts.runtime().state(containerId).isPresent()) {
        parts.runtime().delete(containerId, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while deleting " + containerId, e);
    }
  }
}

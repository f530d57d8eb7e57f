package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes a container's run apart after it ended (runtime state, rootfs mount, network endpoints and
 * published ports; the rootfs's upper dir stays), and removes a container entirely. Both are safe
 * to repeat: what is already gone is skipped.
 */
final class ContainerTeardown {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final HealthMonitor health;

  ContainerTeardown(
      ContainerSubsystems parts,
      ContainerRegistry registry,
      ContainerEvents events,
      HealthMonitor health) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
    this.health = health;
  }

  /**
   * Releases what a run held, in the teardown order: runc's state and cgroup, then the rootfs mount
   * and (at the same time) the ports, veths and namespace.
   *
   * @return what could not be released, described; empty when all went
   */
  List<String> releaseRun(Container container) {
    return releaseRun(container, false);
  }

  /**
   * @param exitReported the run is known to have ended (its exit was reported, or runc said its
   *     process is gone): runc is not asked for the state before the delete, and when the container
   *     had a pid namespace of its own (whose processes the kernel killed with its init) the rootfs
   *     and the namespace are released while runc deletes it
   */
  List<String> releaseRun(Container container, boolean exitReported) {
    String id = container.id();
    health.stopped(id);
    var unmountProblem = new AtomicReference<String>();
    var networkProblem = new AtomicReference<String>();
    Runnable unmount =
        () -> {
          try {
            parts.snapshots().unmount(id);
          } catch (RuntimeException e) {
            unmountProblem.set(ContainerLauncher.messageOf(e));
          }
        };
    Runnable disconnect =
        () -> {
          try {
            List<Endpoint> endpoints = parts.networks().endpointsOf(id);
            parts.networks().release(id);
            for (Endpoint endpoint : endpoints) {
              network(endpoint.networkId())
                  .ifPresent(network -> events.network("disconnect", network, id));
            }
          } catch (RuntimeException e) {
            networkProblem.set(ContainerLauncher.messageOf(e));
          }
        };
    var problems = new ArrayList<String>();
    // each step is a host process (runc delete, umount, ip): the independent ones overlap, on a
    // short-lived thread beside this one
    Thread side;
    if (exitReported && !container.host().pidMode().equals("host")) {
      side =
          startThread(
              () -> {
                unmount.run();
                disconnect.run();
              });
      deleteFromRuntime(id, exitReported).ifPresent(problems::add);
    } else {
      deleteFromRuntime(id, exitReported).ifPresent(problems::add);
      side = startThread(unmount);
      disconnect.run();
    }
    try {
      side.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted while releasing the rootfs and network of " + id);
    }
    Optional.ofNullable(unmountProblem.get()).ifPresent(problems::add);
    Optional.ofNullable(networkProblem.get()).ifPresent(problems::add);
    return problems;
  }

  private Thread startThread(Runnable task) {
    Thread thread = parts.threads().newThread(task);
    thread.start();
    return thread;
  }

  /** Deletes the container from runc; what went wrong, if anything. */
  private Optional<String> deleteFromRuntime(String id, boolean exitReported) {
    try {
      // delete asks runc for the state itself: asking here first would run runc twice
      if (exitReported) {
        parts.runtime().deleteExited(id, parts.directoryOf(id).bundle());
      } else {
        parts.runtime().delete(id, true);
      }
    } catch (EngineFault.NotFound e) {
      // runc does not know it (any more): nothing to delete
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while deleting the container from runc");
    } catch (RuntimeException e) {
      return Optional.of(ContainerLauncher.messageOf(e));
    }
    return Optional.empty();
  }

  /**
   * Removes a container that is not running: its run's leftovers, its rootfs and directory, its
   * record, and with {@code anonymousVolumes} the volumes made for it alone. The caller holds its
   * lock. Waiters for its removal are told.
   *
   * @throws EngineFault.Internal when its files cannot be removed (it is then {@code dead})
   */
  void remove(ContainerEntry entry, boolean anonymousVolumes) {
    Container container = entry.current();
    String id = container.id();
    registry.save(
        entry, container.withState(state -> state.withStatus(ContainerState.Status.REMOVING)));
    // followers of its output (an attach waiting for a start) end before its log file goes
    entry.runEnded(container.state().exitCode());
    try {
      releaseRun(container);
      parts.snapshots().release(id);
      parts.runtime().remove(id, parts.directoryOf(id).bundle());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      markDead(entry, container);
      throw new EngineFault.Internal("interrupted while removing " + id, e);
    } catch (RuntimeException e) {
      markDead(entry, container);
      throw new EngineFault.Internal(
          "cannot remove container " + id + ": " + ContainerLauncher.messageOf(e), e);
    }
    registry.remove(entry);
    health.forget(id);
    if (anonymousVolumes) {
      for (MountPoint mount : container.mounts()) {
        if (mount.anonymous()) {
          try {
            parts.volumes().remove(mount.name(), true);
          } catch (EngineFault.Conflict e) {
            // another container still mounts it (VolumesFrom); it stays
          }
        }
      }
    }
    events.publish(container, "destroy");
    entry.removed(container.state().exitCode());
  }

  private void markDead(ContainerEntry entry, Container container) {
    registry.save(
        entry, container.withState(state -> state.withStatus(ContainerState.Status.DEAD)));
  }

  private Optional<Network> network(String networkId) {
    try {
      return Optional.of(parts.networks().inspect(networkId));
    } catch (EngineFault.NotFound e) {
      return Optional.empty();
    }
  }
}

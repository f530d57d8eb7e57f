package io.jcompose.engine.oci;

import java.util.Objects;

/**
 * The namespaces that may be shared; mount and UTS namespaces are always the container's own.
 *
 * @param network the network namespace
 * @param ipc the IPC namespace ({@code ipc: service:x} joins another container's)
 * @param pid the PID namespace ({@code pid: host}, or another container's)
 */
public record Namespaces(NamespaceChoice network, NamespaceChoice ipc, NamespaceChoice pid) {

  public static final Namespaces PRIVATE =
      new Namespaces(NamespaceChoice.PRIVATE, NamespaceChoice.PRIVATE, NamespaceChoice.PRIVATE);

  public Namespaces {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(ipc, "ipc");
    Objects.requireNonNull(pid, "pid");
  }

  public Namespaces withNetwork(NamespaceChoice newNetwork) {
    return new Namespaces(newNetwork, ipc, pid);
  }

  public Namespaces withIpc(NamespaceChoice newIpc) {
    return new Namespaces(network, newIpc, pid);
  }

  public Namespaces withPid(NamespaceChoice newPid) {
    return new Namespaces(network, ipc, newPid);
  }
}

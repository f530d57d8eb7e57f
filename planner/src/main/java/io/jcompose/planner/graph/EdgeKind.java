package io.jcompose.planner.graph;

/** How a service names another one: each kind is an edge of the service graph. */
enum EdgeKind {
  DEPENDS_ON("depends_on", false, false),
  LINK("links", false, true),
  NETWORK_MODE("network_mode", true, true),
  IPC("ipc", true, true),
  PID("pid", true, true),
  VOLUMES_FROM("volumes_from", true, false);

  private final String key;
  private final boolean sharesNamespace;
  private final boolean restartsWithDependency;

  EdgeKind(String key, boolean sharesNamespace, boolean restartsWithDependency) {
    this.key = key;
    this.sharesNamespace = sharesNamespace;
    this.restartsWithDependency = restartsWithDependency;
  }

  /** The service attribute that declares the edge. */
  String key() {
    return key;
  }

  /** Whether the dependent joins the dependency's network, IPC or PID namespace or volumes. */
  boolean sharesNamespace() {
    return sharesNamespace;
  }

  /**
   * The {@code restart} an implicit edge of this kind gets, as the loader folds it into depends_on
   * (compose-go's normalisation: links and {@code service:} namespaces restart with their
   * dependency, volumes_from does not).
   */
  boolean restartsWithDependency() {
    return restartsWithDependency;
  }
}

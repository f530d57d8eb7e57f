package io.jcompose.planner.reconcile;

/** When an existing container is replaced. */
public enum RecreatePolicy {
  /** When it diverged from the service: config hash, image, networks, volumes, a parent. */
  DIVERGED,
  /** Always ({@code --force-recreate}, or {@code --always-recreate-deps} for dependencies). */
  FORCE,
  /** Never ({@code --no-recreate}). */
  NEVER
}

package io.jcompose.planner.plan;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.ReadinessCheck;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until {@code dependencyName} meets {@code condition}, then passes its readiness check when
 * it has one, before {@code serviceName} starts.
 *
 * @param required when false, a failure or a missing dependency is a warning, not an error
 * @param readiness the jcompose readiness check to pass once the condition holds
 */
public record WaitForDependency(
    String serviceName,
    String dependencyName,
    Dependency.Condition condition,
    boolean required,
    Optional<ReadinessCheck> readiness)
    implements Operation {

  public WaitForDependency {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(dependencyName, "dependencyName");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(readiness, "readiness");
  }

  /** A wait for the condition alone. */
  public WaitForDependency(
      String serviceName, String dependencyName, Dependency.Condition condition, boolean required) {
    this(serviceName, dependencyName, condition, required, Optional.empty());
  }

  @Override
  public String resource() {
    return "service " + serviceName;
  }

  @Override
  public String action() {
    return "wait for "
        + dependencyName
        + " "
        + condition.word()
        + readiness.map(check -> ", then " + check.probe().describe()).orElse("")
        + (required ? "" : " (not required)");
  }
}

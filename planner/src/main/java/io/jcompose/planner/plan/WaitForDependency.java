package io.jcompose.planner.plan;

import io.jcompose.model.project.Dependency;
import java.util.Objects;

/**
 * Waits until {@code dependencyName} meets {@code condition} before {@code serviceName} starts.
 *
 * @param required when false, a failure or a missing dependency is a warning, not an error
 */
public record WaitForDependency(
    String serviceName, String dependencyName, Dependency.Condition condition, boolean required)
    implements Operation {

  public WaitForDependency {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(dependencyName, "dependencyName");
    Objects.requireNonNull(condition, "condition");
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
        + (required ? "" : " (not required)");
  }
}

package io.jcompose.model.project;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code depends_on} entry.
 *
 * @param required when false, a missing or disabled dependency is skipped rather than an error
 * @param restart restart this service when the dependency is restarted
 * @param readiness the entry's {@code x-jcompose} readiness, overriding the dependency's own
 */
public record Dependency(
    Condition condition, boolean required, boolean restart, Optional<ReadinessOverride> readiness) {

  public Dependency {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(readiness, "readiness");
  }

  /** An entry without an {@code x-jcompose} readiness. */
  public Dependency(Condition condition, boolean required, boolean restart) {
    this(condition, required, restart, Optional.empty());
  }

  /**
   * What a dependent waits for once the condition holds: this entry's readiness applied to the
   * dependency service's check; empty when there is none.
   */
  public Optional<ReadinessCheck> readinessCheck(Optional<ReadinessCheck> serviceCheck) {
    return readiness.isPresent() ? readiness.get().applyTo(serviceCheck) : serviceCheck;
  }

  /** The short-syntax dependency: started, required, no restart. */
  public static Dependency started() {
    return new Dependency(Condition.SERVICE_STARTED, true, false);
  }

  /** When a dependency counts as ready. */
  public enum Condition {
    SERVICE_STARTED("service_started"),
    SERVICE_HEALTHY("service_healthy"),
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

    private final String word;

    Condition(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    /**
     * @throws IllegalArgumentException quoting {@code word} when it is not a condition
     */
    public static Condition parse(String word) {
      for (Condition condition : values()) {
        if (condition.word.equals(word)) {
          return condition;
        }
      }
      throw new IllegalArgumentException(
          "invalid depends_on condition \""
              + word
              + "\": use service_started, service_healthy or service_completed_successfully");
    }
  }
}

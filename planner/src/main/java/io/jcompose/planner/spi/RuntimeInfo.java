package io.jcompose.planner.spi;

import java.util.Objects;

/**
 * @param name {@code docker}, {@code podman}, {@code jcompose-engine}, {@code in-memory} ...
 * @param apiVersion the API version in use ({@code 1.44})
 */
public record RuntimeInfo(
    String name, String version, String apiVersion, String os, String architecture) {

  public RuntimeInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
  }
}

package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageReference;

/** The one place where a {@link RegistryException} becomes an engine fault, in dockerd's words. */
final class PullFaults {

  private PullFaults() {}

  static EngineFault of(RegistryException failure, ImageReference reference) {
    String name = reference.familiarString();
    if (failure instanceof RegistryException.Unknown) {
      if (failure.getMessage().startsWith("no matching manifest")) {
        return new EngineFault.NotFound(failure.getMessage());
      }
      return new EngineFault.NotFound(
          "manifest for " + name + " not found: " + failure.getMessage());
    }
    if (failure instanceof RegistryException.Unauthorized) {
      return new EngineFault.NotFound(
          "pull access denied for "
              + reference.familiarName()
              + ", repository does not exist or may require 'docker login': "
              + failure.getMessage());
    }
    return new EngineFault.Unavailable(failure.getMessage(), failure);
  }
}

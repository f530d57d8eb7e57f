package io.jcompose.engine.registry;

/**
 * What went wrong talking to a registry; {@link PullFaults} turns each kind into the engine's fault
 * with dockerd's wording.
 */
abstract sealed class RegistryException extends RuntimeException
    permits RegistryException.Unknown,
        RegistryException.Unauthorized,
        RegistryException.Unreachable,
        RegistryException.Refused {

  private RegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The registry has no such manifest or blob (404, {@code MANIFEST_UNKNOWN}). */
  static final class Unknown extends RegistryException {
    Unknown(String message) {
      super(message, null);
    }
  }

  /** The registry refused our credentials, or wants some we do not have (401, 403). */
  static final class Unauthorized extends RegistryException {
    Unauthorized(String message) {
      super(message, null);
    }
  }

  /** The registry could not be reached, or the connection broke for good. */
  static final class Unreachable extends RegistryException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The registry answered something we cannot use (an error status, a broken document). */
  static final class Refused extends RegistryException {
    Refused(String message) {
      super(message, null);
    }
  }
}

package io.jcompose.planner.spi;

/**
 * What went wrong on a runtime, by category rather than by cause. Adapters map their own errors
 * (HTTP statuses, library exceptions) onto these in exactly one place; the planner decides by
 * category (a {@link NotFound} on remove is success, a {@link Conflict} on create is a name clash).
 */
public abstract sealed class RuntimeFault extends RuntimeException
    permits RuntimeFault.NotFound,
        RuntimeFault.AlreadyExists,
        RuntimeFault.Conflict,
        RuntimeFault.InvalidArgument,
        RuntimeFault.Unavailable,
        RuntimeFault.PermissionDenied,
        RuntimeFault.Unauthenticated,
        RuntimeFault.Internal {

  private RuntimeFault(String message, Throwable cause) {
    super(message, cause);
  }

  /** The category's word, for messages and tests: {@code not found}, {@code conflict} ... */
  public abstract String category();

  /** The object (container, network, volume, image) does not exist. */
  public static final class NotFound extends RuntimeFault {
    public NotFound(String message) {
      this(message, null);
    }

    public NotFound(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "not found";
    }
  }

  /** An object with that identity exists already. */
  public static final class AlreadyExists extends RuntimeFault {
    public AlreadyExists(String message) {
      this(message, null);
    }

    public AlreadyExists(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "already exists";
    }
  }

  /** The object's state forbids the operation: a name in use, a network with endpoints. */
  public static final class Conflict extends RuntimeFault {
    public Conflict(String message) {
      this(message, null);
    }

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "conflict";
    }
  }

  /** The request itself is wrong: a bad reference, an unknown option. */
  public static final class InvalidArgument extends RuntimeFault {
    public InvalidArgument(String message) {
      this(message, null);
    }

    public InvalidArgument(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "invalid argument";
    }
  }

  /** The endpoint cannot be reached or went away. */
  public static final class Unavailable extends RuntimeFault {
    public Unavailable(String message) {
      this(message, null);
    }

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "unavailable";
    }
  }

  /** The caller may not do this (socket permissions, a registry's authorisation). */
  public static final class PermissionDenied extends RuntimeFault {
    public PermissionDenied(String message) {
      this(message, null);
    }

    public PermissionDenied(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "permission denied";
    }
  }

  /** Credentials are missing or refused. */
  public static final class Unauthenticated extends RuntimeFault {
    public Unauthenticated(String message) {
      this(message, null);
    }

    public Unauthenticated(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "unauthenticated";
    }
  }

  /** Anything else: the endpoint failed in a way the caller cannot fix. */
  public static final class Internal extends RuntimeFault {
    public Internal(String message) {
      this(message, null);
    }

    public Internal(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String category() {
      return "internal";
    }
  }
}

package io.jcompose.engine.fault;

/**
 * What went wrong inside the engine, by category. Subsystems throw these; one error mapper in the
 * HTTP layer turns each category into a status code and a Docker-style {@code {"message": ...}}
 * body, so the messages are written for the client to read (dockerd's wording where clients parse
 * it: {@code No such container: x}).
 */
public abstract sealed class EngineFault extends RuntimeException
    permits EngineFault.NotFound,
        EngineFault.Conflict,
        EngineFault.InvalidArgument,
        EngineFault.NotModified,
        EngineFault.Forbidden,
        EngineFault.Unavailable,
        EngineFault.Internal {

  private EngineFault(String message, Throwable cause) {
    super(message, cause);
  }

  /** The object does not exist (404). */
  public static final class NotFound extends EngineFault {
    public NotFound(String message) {
      super(message, null);
    }
  }

  /** The object's state forbids the operation: a name in use, a running container (409). */
  public static final class Conflict extends EngineFault {
    public Conflict(String message) {
      super(message, null);
    }
  }

  /** The request is wrong: bad parameters, bad JSON, a hostile path (400). */
  public static final class InvalidArgument extends EngineFault {
    public InvalidArgument(String message) {
      super(message, null);
    }

    public InvalidArgument(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Nothing to do: start of a running container, stop of a stopped one (304). */
  public static final class NotModified extends EngineFault {
    public NotModified(String message) {
      super(message, null);
    }
  }

  /** Refused by policy: removing a network with endpoints, a predefined network (403). */
  public static final class Forbidden extends EngineFault {
    public Forbidden(String message) {
      super(message, null);
    }
  }

  /** A host tool or resource the engine needs is not there or not answering (503). */
  public static final class Unavailable extends EngineFault {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Anything else (500). */
  public static final class Internal extends EngineFault {
    public Internal(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

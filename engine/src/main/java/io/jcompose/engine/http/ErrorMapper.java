package io.jcompose.engine.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.fault.EngineFault;
import java.util.function.Consumer;

/**
 * The one place where a failure becomes an HTTP answer: each {@link EngineFault} category has its
 * status and dockerd's {@code {"message":...}} body (304 has none); anything else is a 500 with the
 * exception's message, and the owner hears of it through a {@link ServerNotice}.
 */
final class ErrorMapper {

  /** dockerd's error body. */
  record ErrorBody(@JsonProperty("message") String message) {}

  private final Consumer<ServerNotice> notices;

  ErrorMapper(Consumer<ServerNotice> notices) {
    this.notices = notices;
  }

  Response toResponse(String method, String uri, Throwable error) {
    if (error instanceof EngineFault.NotModified) {
      return Response.empty(304);
    }
    int status = statusOf(error);
    if (status >= 500) {
      notices.accept(new ServerNotice.HandlerFailed(method, uri, error));
    }
    return Response.json(status, new ErrorBody(messageOf(error)));
  }

  static int statusOf(Throwable error) {
    if (error instanceof EngineFault.NotFound) {
      return 404;
    } else if (error instanceof EngineFault.Conflict) {
      return 409;
    } else if (error instanceof EngineFault.InvalidArgument) {
      return 400;
    } else if (error instanceof EngineFault.NotModified) {
      return 304;
    } else if (error instanceof EngineFault.Forbidden) {
      return 403;
    } else if (error instanceof EngineFault.Unavailable) {
      return 503;
    }
    return 500;
  }

  static String messageOf(Throwable error) {
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getName() : message;
  }
}

package io.jcompose.engine.http;

import java.util.Objects;

/**
 * What the server has to tell its owner, who decides whether and where to log it (the server prints
 * nothing). Client mistakes and hang-ups are not notices.
 */
public sealed interface ServerNotice {

  /** A handler failed with something other than a client error; the client got a 5xx. */
  record HandlerFailed(String method, String uri, Throwable error) implements ServerNotice {
    public HandlerFailed {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(error, "error");
    }
  }

  /** A stream failed after its headers went out; the client saw it cut short. */
  record StreamFailed(String method, String uri, Throwable error) implements ServerNotice {
    public StreamFailed {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(error, "error");
    }
  }

  /** No request thread was free; the client got a 503. */
  record RequestRejected(String method, String uri) implements ServerNotice {
    public RequestRejected {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** A connection failed for a reason other than the client going away. */
  record ConnectionFailed(Throwable error) implements ServerNotice {
    public ConnectionFailed {
      Objects.requireNonNull(error, "error");
    }
  }

  /** A thread of the server's owner died of an error nobody caught. */
  record ThreadFailed(String threadName, Throwable error) implements ServerNotice {
    public ThreadFailed {
      Objects.requireNonNull(threadName, "threadName");
      Objects.requireNonNull(error, "error");
    }
  }
}

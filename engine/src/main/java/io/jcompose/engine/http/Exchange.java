package io.jcompose.engine.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request and its response on a connection, shared by the event loop (which feeds the body and
 * notices hang-ups) and the request thread (which reads the body and writes the response).
 */
final class Exchange {

  /** Above this, a body the handler left unread is not drained: the connection is closed. */
  private static final long DRAINABLE_BODY = 1 << 20;

  private final Connection connection;
  private final HttpRequest request;
  private final InboundBytes body;
  private final InboundBytes upgradeInput;
  private final List<Runnable> onClientGone = new ArrayList<>();
  private volatile boolean requestComplete;
  private boolean clientGone;
  private boolean responseDone;

  Exchange(Connection connection, HttpRequest request) {
    this.connection = connection;
    this.request = request;
    this.body = new InboundBytes(connection::resumeReadingLater);
    this.upgradeInput =
        wantsUpgrade(request) ? new InboundBytes(connection::resumeReadingLater) : null;
  }

  private static boolean wantsUpgrade(HttpRequest request) {
    String connectionHeader = request.headers().get(HttpHeaderNames.CONNECTION, "");
    boolean upgradeToken = false;
    for (String token : connectionHeader.split(",")) {
      upgradeToken |= token.strip().toLowerCase(Locale.ROOT).equals("upgrade");
    }
    return upgradeToken && request.headers().contains(HttpHeaderNames.UPGRADE);
  }

  Connection connection() {
    return connection;
  }

  HttpRequest request() {
    return request;
  }

  String method() {
    return request.method().name();
  }

  boolean isHead() {
    return HttpMethod.HEAD.equals(request.method());
  }

  InboundBytes body() {
    return body;
  }

  /** The client asked for {@code Connection: Upgrade} with an {@code Upgrade} header. */
  boolean upgradeRequested() {
    return upgradeInput != null;
  }

  /** Bytes the client sends after an upgrade request; null when none was asked for. */
  InboundBytes upgradeInput() {
    return upgradeInput;
  }

  boolean requestComplete() {
    return requestComplete;
  }

  void markRequestComplete() {
    requestComplete = true;
  }

  /** Event loop only. */
  boolean responseDone() {
    return responseDone;
  }

  /** Event loop only. */
  void markResponseDone() {
    responseDone = true;
  }

  /**
   * Whether the connection can carry another request after this response although the handler may
   * not have read the whole body: a small remainder is read and dropped, a large one is not.
   */
  boolean canDrainRest() {
    if (requestComplete) {
      return true;
    }
    return !HttpUtil.isTransferEncodingChunked(request)
        && HttpUtil.getContentLength(request, 0L) <= DRAINABLE_BODY;
  }

  void whenClientGone(Runnable action) {
    synchronized (onClientGone) {
      if (!clientGone) {
        onClientGone.add(action);
        return;
      }
    }
    action.run();
  }

  boolean clientGone() {
    synchronized (onClientGone) {
      return clientGone;
    }
  }

  /** Runs the hang-up actions once. */
  void markClientGone() {
    List<Runnable> actions;
    synchronized (onClientGone) {
      if (clientGone) {
        return;
      }
      clientGone = true;
      actions = new ArrayList<>(onClientGone);
      onClientGone.clear();
    }
    actions.forEach(Runnable::run);
  }
}

package io.jcompose.engine.http;

import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What an {@link ApiServer} runs on, all owned by the caller: the Netty event loops (non-blocking
 * socket work), the executor whose threads run handlers and streams (one per request in flight; a
 * rejected request gets a 503), the clock for {@code Date}, and where notices go.
 */
public record ServerSetup(
    ServerIdentity identity,
    EventLoopGroup eventLoops,
    Executor requestExecutor,
    Clock clock,
    Consumer<ServerNotice> notices) {

  public ServerSetup {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(eventLoops, "eventLoops");
    Objects.requireNonNull(requestExecutor, "requestExecutor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(notices, "notices");
  }
}

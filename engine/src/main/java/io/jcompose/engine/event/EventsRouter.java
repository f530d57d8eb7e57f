package io.jcompose.engine.event;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /events}: the stored events since {@code since}, then live ones, one JSON object per
 * line, until {@code until} passes or the client hangs up. With an {@code until} in the past the
 * stream ends after the stored events. Headers go out before the first event.
 */
public final class EventsRouter implements ApiRouter {

  private final EventBus bus;
  private final Clock clock;

  public EventsRouter(EventBus bus) {
    this.bus = bus;
    this.clock = bus.clock();
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.get("/events", this::events);
  }

  private Response events(Request request) {
    Optional<Instant> since = EventTimes.parse("since", request.query().get("since"));
    Optional<Instant> until = EventTimes.parse("until", request.query().get("until"));
    if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
      throw new EngineFault.InvalidArgument(
          "since time (" + since.get() + ") cannot be after until time (" + until.get() + ")");
    }
    EventFilter filter = EventFilter.of(request.query().filters());
    // subscribed before the headers go out: a client that has seen them misses no event
    Subscription subscription = bus.subscribe(filter, since, until);
    request.whenClientGone(subscription::close);
    return Response.jsonLines(
        out -> {
          try (subscription) {
            for (EngineEvent event : subscription.replay()) {
              out.write(EventMessage.of(event));
            }
            boolean onlyPast = until.isPresent() && !until.get().isAfter(clock.instant());
            while (!onlyPast) {
              Optional<EngineEvent> next =
                  until.isPresent() ? subscription.next(until.get(), clock) : subscription.next();
              if (next.isEmpty()) {
                return;
              }
              out.write(EventMessage.of(next.get()));
            }
          }
        });
  }
}

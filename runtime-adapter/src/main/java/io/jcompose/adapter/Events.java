package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The daemon's event stream. It starts at the moment of subscribing ({@code since=now}): some
 * daemons (dockerd 20.10) send no response headers until the first event, so waiting for the stream
 * to open could wait forever, and without {@code since} the events between the call and the opening
 * would be lost.
 */
final class Events {

  private final DockerClient docker;
  private final Faults faults;
  private final Clock clock;

  Events(DockerClient docker, Faults faults, Clock clock) {
    this.docker = docker;
    this.faults = faults;
    this.clock = clock;
  }

  Subscription subscribe(LabelFilter filter, Consumer<RuntimeEvent> sink) {
    return subscribe(filter, java.util.Optional.empty(), java.util.Optional.empty(), sink);
  }

  /** From {@code since} (else now) until {@code until} (else until closed). */
  Subscription subscribe(
      LabelFilter filter,
      java.util.Optional<Instant> since,
      java.util.Optional<Instant> until,
      Consumer<RuntimeEvent> sink) {
    EventsCmd command = docker.eventsCmd().withSince(timestamp(since.orElse(clock.instant())));
    until.ifPresent(end -> command.withUntil(timestamp(end)));
    if (!filter.labels().isEmpty()) {
      command.withLabelFilter(LabelFilters.values(filter).toArray(String[]::new));
    }
    var callback =
        new StreamCallback<Event>() {
          @Override
          protected void deliver(Event event) {
            sink.accept(runtimeEvent(event));
          }
        };
    faults.run(() -> command.exec(callback));
    return new StreamSubscription(callback, faults);
  }

  private static String timestamp(Instant time) {
    return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
  }

  static RuntimeEvent runtimeEvent(Event event) {
    String type = event.getType() == null ? "container" : event.getType().getValue();
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    var actor = event.getActor();
    String actorId = actor != null && actor.getId() != null ? actor.getId() : event.getId();
    Map<String, String> attributes =
        actor == null ? Map.of() : ContainerViews.orEmpty(actor.getAttributes());
    Instant time =
        event.getTimeNano() != null
            ? Instant.ofEpochSecond(0, event.getTimeNano())
            : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
    return new RuntimeEvent(
        type, action == null ? "" : action, actorId == null ? "" : actorId, attributes, time);
  }
}

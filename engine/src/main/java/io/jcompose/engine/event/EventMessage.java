package io.jcompose.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of {@code /events}, as dockerd writes it: {@code Type}, {@code Action}, {@code Actor},
 * {@code scope}, {@code time} and {@code timeNano}, plus for containers and images the older {@code
 * status}, {@code id} and {@code from} that docker-py and compose v1 still read.
 */
@JsonPropertyOrder({"status", "id", "from", "Type", "Action", "Actor", "scope", "time", "timeNano"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventMessage(
    @JsonProperty("status") String status,
    @JsonProperty("id") String id,
    @JsonProperty("from") String from,
    @JsonProperty("Type") String type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") ActorBody actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") long time,
    @JsonProperty("timeNano") long timeNano) {

  @JsonPropertyOrder({"ID", "Attributes"})
  record ActorBody(
      @JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {}

  static EventMessage of(EngineEvent event) {
    boolean legacy =
        event.type() == EngineEvent.Type.CONTAINER || event.type() == EngineEvent.Type.IMAGE;
    String actorId = event.actor().id();
    var attributes = new TreeMap<>(event.actor().attributes());
    long seconds = event.time().getEpochSecond();
    return new EventMessage(
        legacy ? event.action() : null,
        legacy ? actorId : null,
        event.type() == EngineEvent.Type.CONTAINER ? attributes.get("image") : null,
        event.type().wireName(),
        event.action(),
        new ActorBody(actorId, attributes),
        "local",
        seconds,
        seconds * 1_000_000_000L + event.time().getNano());
  }
}

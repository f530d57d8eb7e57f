package io.jcompose.cli.command;

import io.jcompose.cli.render.JsonLine;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.RuntimeEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An event as docker compose prints it: only containers' events, one-offs left out, the compose
 * (and jcompose) labels dropped from the attributes; {@code --json} objects have their keys in Go's
 * sorted order.
 */
final class EventText {

  private static final DateTimeFormatter PLAIN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /** jcompose's own labels ({@code io.jcompose.config}), internal as docker compose's are. */
  private static final String JCOMPOSE_LABELS = "io.jcompose.";

  private EventText() {}

  /** Whether {@code events} shows it: a container event of one of the services (any if none). */
  static boolean shown(RuntimeEvent event, Set<String> services) {
    if (!event.type().equals("container")
        || Labels.TRUE.equals(event.attributes().get(Labels.ONEOFF))) {
      return false;
    }
    String service = event.attributes().getOrDefault(Labels.SERVICE, "");
    return services.isEmpty() || services.contains(service);
  }

  /**
   * {@code
   * {"action":"start","attributes":{...},"id":"...","service":"web","time":"...","type":"container"}}.
   */
  static String json(RuntimeEvent event, ZoneId zone) {
    var object = new LinkedHashMap<String, Object>();
    object.put("action", event.action());
    object.put("attributes", attributes(event));
    object.put("id", event.actorId());
    object.put("service", event.attributes().getOrDefault(Labels.SERVICE, ""));
    object.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().atZone(zone)));
    object.put("type", "container");
    return JsonLine.write(object);
  }

  /**
   * {@code 2026-11-28 06:30:00.123456 container start ID (image=..., name=...)} and, as docker
   * compose's text ends with its own newline, an empty line.
   */
  static String plain(RuntimeEvent event, ZoneId zone) {
    var pairs = new ArrayList<String>();
    attributes(event).forEach((key, value) -> pairs.add(key + "=" + value));
    return PLAIN_TIME.format(event.time().atZone(zone))
        + " container "
        + event.action()
        + " "
        + event.actorId()
        + " ("
        + String.join(", ", pairs)
        + ")\n";
  }

  private static Map<String, String> attributes(RuntimeEvent event) {
    var attributes = new TreeMap<String, String>();
    event
        .attributes()
        .forEach(
            (key, value) -> {
              if (!key.startsWith(Labels.PREFIX) && !key.startsWith(JCOMPOSE_LABELS)) {
                attributes.put(key, value);
              }
            });
    return attributes;
  }
}

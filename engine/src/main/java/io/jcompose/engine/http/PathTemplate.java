package io.jcompose.engine.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A route's path: literal segments, {@code {name}} for one segment and at most one {@code
 * {name...}} for one or more segments (image names hold slashes: {@code /images/{name...}/json}).
 * Matching is on segments already URL-decoded one by one, so {@code local%2Fbusybox:1} and {@code
 * local/busybox:1} capture the same name.
 */
final class PathTemplate {

  private static final Pattern PARAMETER =
      Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(\\.\\.\\.)?}");

  private sealed interface Segment permits Literal, Single, Rest {}

  private record Literal(String text) implements Segment {}

  private record Single(String name) implements Segment {}

  private record Rest(String name) implements Segment {}

  private final String text;
  private final List<Segment> segments;
  private final int restIndex;

  private PathTemplate(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
    int rest = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) instanceof Rest) {
        rest = i;
      }
    }
    this.restIndex = rest;
  }

  /**
   * @throws IllegalArgumentException quoting the template when it is malformed
   */
  static PathTemplate parse(String template) {
    if (!template.startsWith("/") || template.length() < 2 || template.endsWith("/")) {
      throw new IllegalArgumentException(
          "invalid route \"" + template + "\": it must start with / and not end with one");
    }
    var segments = new ArrayList<Segment>();
    var names = new HashSet<String>();
    boolean hasRest = false;
    for (String part : template.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("invalid route \"" + template + "\": empty segment");
      }
      var parameter = PARAMETER.matcher(part);
      if (parameter.matches()) {
        String name = parameter.group(1);
        if (!names.add(name)) {
          throw new IllegalArgumentException(
              "invalid route \"" + template + "\": {" + name + "} appears twice");
        }
        if (parameter.group(2) != null) {
          if (hasRest) {
            throw new IllegalArgumentException(
                "invalid route \"" + template + "\": only one {name...} is allowed");
          }
          hasRest = true;
          segments.add(new Rest(name));
        } else {
          segments.add(new Single(name));
        }
      } else if (part.contains("{") || part.contains("}")) {
        throw new IllegalArgumentException(
            "invalid route \"" + template + "\": \"" + part + "\" is neither literal nor {name}");
      } else {
        segments.add(new Literal(part));
      }
    }
    return new PathTemplate(template, segments);
  }

  String text() {
    return text;
  }

  /** How many literal segments: the more, the more specific the route. */
  int literalCount() {
    return (int) segments.stream().filter(Literal.class::isInstance).count();
  }

  /** The captured parameters when {@code path} (decoded segments) fits this template. */
  Optional<Map<String, String>> match(List<String> path) {
    if (restIndex < 0) {
      if (path.size() != segments.size()) {
        return Optional.empty();
      }
      var captured = new HashMap<String, String>();
      return matchRange(0, path, 0, segments.size(), captured)
          ? Optional.of(captured)
          : Optional.empty();
    }
    int after = segments.size() - restIndex - 1;
    int restLength = path.size() - restIndex - after;
    if (restLength < 1) {
      return Optional.empty();
    }
    var captured = new HashMap<String, String>();
    if (!matchRange(0, path, 0, restIndex, captured)
        || !matchRange(restIndex + 1, path, restIndex + restLength, after, captured)) {
      return Optional.empty();
    }
    List<String> rest = path.subList(restIndex, restIndex + restLength);
    if (rest.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    captured.put(((Rest) segments.get(restIndex)).name(), String.join("/", rest));
    return Optional.of(captured);
  }

  private boolean matchRange(
      int firstSegment, List<String> path, int firstPath, int count, Map<String, String> out) {
    for (int i = 0; i < count; i++) {
      Segment segment = segments.get(firstSegment + i);
      String actual = path.get(firstPath + i);
      if (segment instanceof Literal literal) {
        if (!literal.text().equals(actual)) {
          return false;
        }
      } else if (segment instanceof Single single) {
        if (actual.isEmpty()) {
          return false;
        }
        out.put(single.name(), actual);
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}

package io.jcompose.engine.http;

import io.jcompose.engine.fault.EngineFault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request's target split for routing: the {@code /vX.Y} prefix (if any) taken off, the rest of
 * the path as segments decoded one by one, and the raw query.
 */
record RequestTarget(
    Optional<ApiVersion> version, String path, List<String> segments, String query) {

  private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+");

  RequestTarget {
    segments = List.copyOf(segments);
  }

  /**
   * @throws EngineFault.InvalidArgument for a bad percent-escape
   */
  static RequestTarget parse(String uri) {
    String target = uri;
    if (target.startsWith("http://") || target.startsWith("https://")) {
      int pathStart = target.indexOf('/', target.indexOf("//") + 2);
      target = pathStart < 0 ? "/" : target.substring(pathStart);
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    int hash = query.indexOf('#');
    if (hash >= 0) {
      query = query.substring(0, hash);
    }
    var rawSegments = new ArrayList<>(List.of(rawPath.split("/", -1)));
    if (!rawSegments.isEmpty() && rawSegments.get(0).isEmpty()) {
      rawSegments.remove(0);
    }
    Optional<ApiVersion> version = Optional.empty();
    if (!rawSegments.isEmpty() && VERSION.matcher(rawSegments.get(0)).matches()) {
      version = Optional.of(ApiVersion.parse(rawSegments.remove(0).substring(1)));
    }
    var segments = new ArrayList<String>(rawSegments.size());
    for (String segment : rawSegments) {
      segments.add(decode(segment, uri));
    }
    return new RequestTarget(version, "/" + String.join("/", segments), segments, query);
  }

  /** Percent-decoding of one path segment; {@code +} stays a plus, as in any path. */
  private static String decode(String segment, String uri) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    var bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw invalidEscape(uri);
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw invalidEscape(uri);
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static EngineFault.InvalidArgument invalidEscape(String uri) {
    return new EngineFault.InvalidArgument("invalid URL escape in \"" + uri + "\"");
  }
}

package io.jcompose.engine.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's {@code WWW-Authenticate} challenge: {@code Bearer
 * realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"} or
 * {@code Basic realm="Registry"}.
 *
 * @param scheme {@code bearer} or {@code basic}, lower case
 * @param parameters the challenge's parameters, keys in lower case
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

  AuthChallenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    parameters = Map.copyOf(parameters);
  }

  /** Parses a header value; empty when it has no scheme. */
  static Optional<AuthChallenge> parse(String header) {
    String text = header.strip();
    int space = text.indexOf(' ');
    String scheme = space < 0 ? text : text.substring(0, space);
    if (scheme.isEmpty()) {
      return Optional.empty();
    }
    var parameters = new LinkedHashMap<String, String>();
    int position = space < 0 ? text.length() : space + 1;
    while (position < text.length()) {
      int equals = text.indexOf('=', position);
      if (equals < 0) {
        break;
      }
      String key = text.substring(position, equals).strip().toLowerCase(Locale.ROOT);
      int valueStart = equals + 1;
      String value;
      int next;
      if (valueStart < text.length() && text.charAt(valueStart) == '"') {
        var quoted = new StringBuilder();
        int index = valueStart + 1;
        while (index < text.length() && text.charAt(index) != '"') {
          char c = text.charAt(index);
          if (c == '\\' && index + 1 < text.length()) {
            index++;
            c = text.charAt(index);
          }
          quoted.append(c);
          index++;
        }
        value = quoted.toString();
        int comma = text.indexOf(',', index);
        next = comma < 0 ? text.length() : comma + 1;
      } else {
        int comma = text.indexOf(',', valueStart);
        int end = comma < 0 ? text.length() : comma;
        value = text.substring(valueStart, end).strip();
        next = comma < 0 ? text.length() : comma + 1;
      }
      parameters.put(key, value);
      position = next;
    }
    return Optional.of(new AuthChallenge(scheme, parameters));
  }

  boolean isBearer() {
    return scheme.equals("bearer");
  }

  boolean isBasic() {
    return scheme.equals("basic");
  }

  Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isEmpty());
  }
}

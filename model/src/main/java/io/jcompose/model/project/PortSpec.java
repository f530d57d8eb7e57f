package io.jcompose.model.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One published or exposed container port, in compose's long syntax.
 *
 * @param name a human-readable name, if given
 * @param mode {@code ingress} or {@code host}
 * @param hostIp the host address to bind, if any
 * @param target the container port
 * @param published the host port or host port range ({@code 8000-8001}), if any
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param appProtocol the application protocol, if given
 */
public record PortSpec(
    Optional<String> name,
    String mode,
    Optional<String> hostIp,
    int target,
    Optional<String> published,
    String protocol,
    Optional<String> appProtocol) {

  public PortSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(appProtocol, "appProtocol");
    if (target < 1 || target > 65535) {
      throw new IllegalArgumentException("container port " + target + " is not in 1-65535");
    }
    if (!mode.equals("ingress") && !mode.equals("host")) {
      throw new IllegalArgumentException("port mode \"" + mode + "\" is not ingress or host");
    }
    if (hostIp.isPresent() && !IpAddresses.isIp(hostIp.get())) {
      throw new IllegalArgumentException("host_ip \"" + hostIp.get() + "\" is not an IP address");
    }
  }

  /** A port with the default mode and protocol. */
  public static PortSpec of(int target, Optional<String> published) {
    return new PortSpec(
        Optional.empty(), "ingress", Optional.empty(), target, published, "tcp", Optional.empty());
  }

  /**
   * Parses the short syntax {@code [HOST_IP:][HOST[-HOST2]:]CONTAINER[-CONTAINER2][/PROTO]}. A
   * container range gives one entry per port; a host range against a single container port stays
   * one entry whose {@code published} is the range.
   *
   * @throws IllegalArgumentException {@code invalid port "<text>": <reason>}
   */
  public static List<PortSpec> parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = text.trim();
    String protocol = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      protocol = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
      rest = rest.substring(0, slash);
      if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
        throw invalid(text, "protocol must be tcp, udp or sctp");
      }
    }
    String[] parts = rest.split(":", -1);
    int count = parts.length;
    String containerPart = parts[count - 1];
    String hostPart = count >= 2 ? parts[count - 2] : "";
    String hostIp = count >= 3 ? String.join(":", List.of(parts).subList(0, count - 2)) : "";
    if (hostIp.startsWith("[") && hostIp.endsWith("]")) {
      hostIp = hostIp.substring(1, hostIp.length() - 1);
    }
    if (!hostIp.isEmpty() && !IpAddresses.isIp(hostIp)) {
      throw invalid(text, "host IP \"" + hostIp + "\" is not an IP address");
    }
    if (containerPart.isEmpty()) {
      throw invalid(text, "no container port given");
    }
    int[] container = range(text, containerPart, "container port", 1);
    int[] host = hostPart.isEmpty() ? null : range(text, hostPart, "host port", 0);
    int containerSpan = container[1] - container[0];
    boolean hostRangeOnSinglePort = host != null && containerSpan == 0 && host[1] > host[0];
    if (host != null && !hostRangeOnSinglePort && host[1] - host[0] != containerSpan) {
      throw invalid(text, "the host and container port ranges differ in length");
    }
    var ports = new ArrayList<PortSpec>();
    for (int offset = 0; offset <= containerSpan; offset++) {
      Optional<String> published;
      if (host == null) {
        published = Optional.empty();
      } else if (hostRangeOnSinglePort) {
        published = Optional.of(host[0] + "-" + host[1]);
      } else {
        published = Optional.of(Integer.toString(host[0] + offset));
      }
      ports.add(
          new PortSpec(
              Optional.empty(),
              "ingress",
              hostIp.isEmpty() ? Optional.empty() : Optional.of(hostIp),
              container[0] + offset,
              published,
              protocol,
              Optional.empty()));
    }
    return List.copyOf(ports);
  }

  private static int[] range(String text, String part, String what, int minimum) {
    int dash = part.indexOf('-');
    String first = dash < 0 ? part : part.substring(0, dash);
    String last = dash < 0 ? part : part.substring(dash + 1);
    int start = number(text, first, what, minimum);
    int end = number(text, last, what, minimum);
    if (end < start) {
      throw invalid(text, what + " range " + part + " ends before it starts");
    }
    return new int[] {start, end};
  }

  private static int number(String text, String digits, String what, int minimum) {
    if (digits.isEmpty() || !allDigits(digits)) {
      throw invalid(text, what + " must be a number");
    }
    if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
      throw invalid(text, what + " " + digits + " is above 65535");
    }
    int value = Integer.parseInt(digits);
    if (value < minimum) {
      throw invalid(text, what + " " + digits + " is below " + minimum);
    }
    return value;
  }

  private static boolean allDigits(String text) {
    for (int index = 0; index < text.length(); index++) {
      if (!Character.isDigit(text.charAt(index))) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid port \"" + text + "\": " + reason);
  }
}

package io.jcompose.engine.build.dockerfile;

import io.jcompose.engine.fault.EngineFault;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One expanded word of EXPOSE: a port or range with its protocol ({@code 80}, {@code 53/udp},
 * {@code 8000-8010/tcp}).
 */
public record ExposedPort(int first, int last, String protocol) {

  private static final Pattern FORM = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(\\w+))?");

  public ExposedPort {
    if (first < 1 || last > 65535 || last < first) {
      throw new IllegalArgumentException("port range " + first + "-" + last);
    }
  }

  /**
   * Reads an expanded EXPOSE word; the protocol defaults to tcp.
   *
   * @throws EngineFault.InvalidArgument quoting the word when it is not a port, range or protocol
   */
  public static ExposedPort parse(String word) {
    Matcher matcher = FORM.matcher(word);
    String protocol = matcher.matches() && matcher.group(3) != null ? matcher.group(3) : "tcp";
    protocol = protocol.toLowerCase(Locale.ROOT);
    if (!matcher.matches()
        || !(protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("sctp"))) {
      throw new EngineFault.InvalidArgument(
          "invalid EXPOSE port \"" + word + "\": write it as 80, 80/tcp, 53/udp or 8000-8010/tcp");
    }
    try {
      int first = Integer.parseInt(matcher.group(1));
      int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
      return new ExposedPort(first, last, protocol);
    } catch (IllegalArgumentException outOfRange) {
      throw new EngineFault.InvalidArgument(
          "invalid EXPOSE port \"" + word + "\": ports go from 1 to 65535, low to high");
    }
  }
}

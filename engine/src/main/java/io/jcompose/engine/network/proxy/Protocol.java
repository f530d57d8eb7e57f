package io.jcompose.engine.network.proxy;

import java.util.Locale;

/**
 * The transport of a published port, as the Docker API spells it after the slash of {@code 80/tcp}.
 */
public enum Protocol {
  TCP,
  UDP;

  /**
   * @throws IllegalArgumentException quoting the text; {@code sctp} is not supported
   */
  public static Protocol parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "tcp", "" -> TCP;
      case "udp" -> UDP;
      default ->
          throw new IllegalArgumentException(
              "unsupported protocol \"" + text + "\": expected tcp or udp");
    };
  }

  /** {@code tcp} or {@code udp}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.proxy.Protocol;

/**
 * A container port as the API keys it: {@code 80/tcp}, {@code 53/udp}, or {@code 80} (tcp).
 *
 * @param port 1 to 65535
 */
record PortKey(int port, Protocol protocol) {

  /**
   * @throws EngineFault.InvalidArgument quoting the key
   */
  static PortKey parse(String key) {
    int slash = key.indexOf('/');
    String number = slash < 0 ? key : key.substring(0, slash);
    String protocol = slash < 0 ? "tcp" : key.substring(slash + 1);
    try {
      int port = Integer.parseInt(number.contains("-") ? number.split("-")[0] : number);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new PortKey(port, Protocol.parse(protocol));
    } catch (IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument("invalid port specification: \"" + key + "\"");
    }
  }

  /** {@code 80/tcp}. */
  String text() {
    return port + "/" + protocol.apiName();
  }
}

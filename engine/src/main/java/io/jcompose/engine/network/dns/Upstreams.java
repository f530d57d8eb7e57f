package io.jcompose.engine.network.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The name servers unknown names are forwarded to, in order.
 *
 * <p>Loopback servers (a {@code 127.0.0.53} stub of systemd-resolved, a local dnsmasq) are kept:
 * the engine forwards from its own network namespace, the host's, where they answer. They would be
 * useless only inside a container, and containers ask the engine, never these.
 *
 * @param timeout how long one server is waited for before the next is asked
 */
public record Upstreams(List<InetSocketAddress> servers, Duration timeout) {

  public static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  public Upstreams {
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Forward nothing: unknown names are answered NXDOMAIN. */
  public static Upstreams none() {
    return new Upstreams(List.of(), DEFAULT_TIMEOUT);
  }

  /** The host's servers; none when the file is missing. */
  public static Upstreams fromHost() {
    try {
      return fromResolvConf(Files.readString(HOST_RESOLV_CONF));
    } catch (NoSuchFileException e) {
      return none();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + HOST_RESOLV_CONF, e);
    }
  }

  /**
   * The {@code nameserver} lines of a resolv.conf text, port 53; lines that do not parse are
   * skipped.
   */
  public static Upstreams fromResolvConf(String text) {
    var servers = new ArrayList<InetSocketAddress>();
    for (String line : text.split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        String address = words[1];
        int zone = address.indexOf('%');
        if (zone >= 0) {
          address = address.substring(0, zone);
        }
        if (!address.matches("[0-9a-fA-F.:]+")) {
          continue;
        }
        try {
          servers.add(new InetSocketAddress(InetAddress.getByName(address), 53));
        } catch (UnknownHostException e) {
          // a literal address that does not parse is skipped, as the C resolver does
        }
      }
    }
    return new Upstreams(servers, DEFAULT_TIMEOUT);
  }
}

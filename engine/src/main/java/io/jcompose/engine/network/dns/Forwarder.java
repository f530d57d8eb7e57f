package io.jcompose.engine.network.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Asks the upstream servers a client's query, as it came, and hands back the first reply. Each
 * query goes out from a socket of its own, so the kernel picks a fresh source port every time.
 */
final class Forwarder {

  private static final int MAX_UDP = 65535;

  private final Upstreams upstreams;

  Forwarder(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  boolean hasServers() {
    return !upstreams.servers().isEmpty();
  }

  /**
   * @param overTcp the client asked over TCP, so a truncated UDP reply is asked again over TCP
   * @return the reply of the first server that gave one, or empty when none did
   */
  Optional<byte[]> forward(byte[] query, boolean overTcp) {
    for (InetSocketAddress server : upstreams.servers()) {
      try {
        byte[] reply = overUdp(server, query);
        if (overTcp && truncated(reply)) {
          reply = overTcp(server, query);
        }
        return Optional.of(reply);
      } catch (IOException e) {
        // this server is down or silent; the next one is asked
      }
    }
    return Optional.empty();
  }

  private byte[] overUdp(InetSocketAddress server, byte[] query) throws IOException {
    int timeoutMillis = (int) upstreams.timeout().toMillis();
    try (var socket = new DatagramSocket()) {
      socket.setSoTimeout(timeoutMillis);
      socket.connect(server);
      socket.send(new DatagramPacket(query, query.length));
      var buffer = new byte[MAX_UDP];
      while (true) {
        var packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        if (packet.getLength() >= 12
            && buffer[0] == query[0]
            && buffer[1] == query[1]
            && (buffer[2] & 0x80) != 0) {
          return java.util.Arrays.copyOf(buffer, packet.getLength());
        }
      }
    }
  }

  private byte[] overTcp(InetSocketAddress server, byte[] query) throws IOException {
    int timeoutMillis = (int) upstreams.timeout().toMillis();
    try (var socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      var output = new DataOutputStream(socket.getOutputStream());
      output.writeShort(query.length);
      output.write(query);
      output.flush();
      var input = new DataInputStream(socket.getInputStream());
      var reply = new byte[input.readUnsignedShort()];
      input.readFully(reply);
      return reply;
    }
  }

  private static boolean truncated(byte[] reply) {
    return (reply[2] & 0x02) != 0;
  }
}

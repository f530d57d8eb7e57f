package io.jcompose.engine.network.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PortProxyTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final ThreadFactory THREADS =
      runnable -> {
        var thread = new Thread(runnable, "port-proxy-test");
        thread.setDaemon(true);
        return thread;
      };

  private final PortProxy proxy = new PortProxy(THREADS, Clock.systemUTC());

  @AfterEach
  void closeProxy() {
    proxy.close();
  }

  @Test
  void tcpBytes_travelBothWaysAndTheEndOfStreamIsPassedOn() throws Exception {
    try (var target = new ServerSocket(0, 50, LOOPBACK)) {
      Thread echo = startTcpEcho(target);
      ProxiedPort port =
          proxy.open(
              new PortForward(
                  Protocol.TCP,
                  new InetSocketAddress(LOOPBACK, 0),
                  (InetSocketAddress) target.getLocalSocketAddress()));

      try (var client = new Socket(LOOPBACK, port.address().getPort())) {
        byte[] message = "hello through the proxy".getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(message);
        client.shutdownOutput();
        byte[] echoed = client.getInputStream().readAllBytes();

        assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("hello through the proxy");
      }
      echo.join();
    }
  }

  @Test
  void udpDatagram_makesARoundTrip() throws Exception {
    try (var target = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      Thread echo = startUdpEcho(target);
      ProxiedPort port =
          proxy.open(
              new PortForward(
                  Protocol.UDP,
                  new InetSocketAddress(LOOPBACK, 0),
                  (InetSocketAddress) target.getLocalSocketAddress()));

      try (var client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
        byte[] message = "ping".getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(message, message.length, port.address()));
        var reply = new DatagramPacket(new byte[100], 100);
        client.receive(reply);

        assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
            .isEqualTo("ping");
        assertThat(reply.getPort()).isEqualTo(port.address().getPort());
      }
      echo.join();
    }
  }

  @Test
  void takenPort_isAConflictNamingIt() throws Exception {
    try (var squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
      int taken = squatter.getLocalPort();

      assertThatThrownBy(
              () ->
                  proxy.open(
                      new PortForward(
                          Protocol.TCP,
                          new InetSocketAddress(InetAddress.getByName("0.0.0.0"), taken),
                          new InetSocketAddress(LOOPBACK, 9))))
          .isInstanceOf(EngineFault.Conflict.class)
          .hasMessage("Bind for 0.0.0.0:" + taken + " failed: port is already allocated");
    }
  }

  @Test
  void portZero_isReplacedByThePortTheKernelPicked_andClosingFreesIt() throws Exception {
    ProxiedPort port =
        proxy.open(
            new PortForward(
                Protocol.TCP,
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0),
                new InetSocketAddress(LOOPBACK, 9)));
    int picked = port.address().getPort();

    assertThat(picked).isPositive();
    assertThat(port.address().getAddress().getHostAddress()).isEqualTo("0.0.0.0");
    port.close();
    try (var again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), picked));
      assertThat(again.getLocalPort()).isEqualTo(picked);
    }
  }

  @Test
  void unreachableTarget_closesTheClientConnection() throws Exception {
    int closedPort;
    try (var probe = new ServerSocket(0, 1, LOOPBACK)) {
      closedPort = probe.getLocalPort();
    }
    ProxiedPort port =
        proxy.open(
            new PortForward(
                Protocol.TCP,
                new InetSocketAddress(LOOPBACK, 0),
                new InetSocketAddress(LOOPBACK, closedPort)));

    try (var client = new Socket(LOOPBACK, port.address().getPort())) {
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static Thread startTcpEcho(ServerSocket target) {
    var thread =
        new Thread(
            () -> {
              try (Socket connection = target.accept()) {
                InputStream input = connection.getInputStream();
                OutputStream output = connection.getOutputStream();
                input.transferTo(output);
                connection.shutdownOutput();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    return thread;
  }

  private static Thread startUdpEcho(DatagramSocket target) {
    var thread =
        new Thread(
            () -> {
              try {
                var packet = new DatagramPacket(new byte[100], 100);
                target.receive(packet);
                target.send(
                    new DatagramPacket(
                        packet.getData(), packet.getLength(), packet.getSocketAddress()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.start();
    return thread;
  }
}

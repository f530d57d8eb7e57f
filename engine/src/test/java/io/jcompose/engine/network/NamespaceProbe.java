package io.jcompose.engine.network;

import io.jcompose.engine.network.dns.NameServer;
import io.jcompose.engine.network.dns.NameTable;
import io.jcompose.engine.network.dns.Upstreams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Small network programs the tests start inside a namespace through {@code nsenter} (the host has
 * no ping, and busybox is kept out of these tests).
 *
 * <ul>
 *   <li>{@code serve PORT}: prints {@code ready}, answers one line with {@code echo:<line>}, exits;
 *   <li>{@code ask IP PORT LINE}: prints the answer;
 *   <li>{@code dns-serve IP NAME ADDRESS}: the engine's DNS server on IP:53 knowing one name;
 *       prints {@code ready} and serves until its standard input closes;
 *   <li>{@code dns-ask SERVER NAME tcp|udp}: prints the A records of NAME, or the rcode.
 * </ul>
 */
public final class NamespaceProbe {

  private NamespaceProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("dns-serve")) {
      var table = new NameTable();
      table.replace(
          List.of(
              new NameTable.Entry(
                  (Inet4Address) InetAddress.getByName(args[3]), List.of(args[2]))));
      try (var server =
          NameServer.start(
              new InetSocketAddress(InetAddress.getByName(args[1]), 53),
              table,
              Upstreams.none(),
              Thread::new)) {
        System.out.println("ready");
        System.out.flush();
        System.in.readAllBytes();
      }
    } else if (args[0].equals("dns-ask")) {
      var resolver = new SimpleResolver(args[1]);
      resolver.setTCP(args[3].equals("tcp"));
      resolver.setTimeout(Duration.ofSeconds(10));
      Message reply =
          resolver.send(
              Message.newQuery(
                  Record.newRecord(Name.fromString(args[2], Name.root), Type.A, DClass.IN)));
      System.out.println(
          reply.getRcode() != Rcode.NOERROR
              ? Rcode.string(reply.getRcode())
              : reply.getSection(Section.ANSWER).stream()
                  .map(record -> ((ARecord) record).getAddress().getHostAddress())
                  .collect(Collectors.joining(" ")));
    } else if (args[0].equals("serve")) {
      try (var server = new ServerSocket()) {
        server.bind(new InetSocketAddress(Integer.parseInt(args[1])));
        System.out.println("ready");
        System.out.flush();
        try (Socket connection = server.accept()) {
          var input =
              new BufferedReader(
                  new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
          var output = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8);
          output.println("echo:" + input.readLine());
        }
      }
    } else {
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 10_000);
        socket.setSoTimeout(10_000);
        var output = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        output.println(args[3]);
        var input =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        System.out.println(input.readLine());
      }
    }
  }
}

package io.jcompose.engine.network;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny TCP echo, started in a container's namespace through {@code nsenter} by the tests (the
 * host has no ping, and busybox is kept out of these tests): {@code serve PORT} prints {@code
 * ready}, answers one line with {@code echo:<line>} and exits; {@code ask IP PORT LINE} prints the
 * answer.
 */
public final class NamespaceProbe {

  private NamespaceProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("serve")) {
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

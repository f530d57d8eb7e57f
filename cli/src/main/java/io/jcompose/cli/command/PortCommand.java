package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.List;
import java.util.Set;

/**
 * {@code jcompose port SERVICE PRIVATE_PORT}: where a container port is published, {@code
 * 0.0.0.0:49153}.
 */
public final class PortCommand {

  static final Option PROTOCOL =
      Option.value("PROTOCOL", "tcp or udp.", "--protocol")
          .withAllowedValues(List.of("tcp", "udp", "sctp"))
          .withDefault("tcp");
  static final Option INDEX =
      Option.value("N", "Index of the container if the service has replicas.", "--index")
          .withDefault("0");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "port",
          "Print the public port for a port binding.",
          List.of(Option.help(), PROTOCOL, INDEX),
          List.of(
              new Positional("SERVICE", "The service.", 1, 1),
              new Positional("PRIVATE_PORT", "The container port.", 1, 1)));

  private final JcomposeCommand global;
  private final Values line;

  public PortCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    if (line.positionals().size() != 2) {
      throw new UserException("port takes SERVICE and PRIVATE_PORT", ExitCode.USAGE, null);
    }
    String service = line.positionals().get(0);
    int privatePort = privatePort(line.positionals().get(1));
    String protocol = line.value(PROTOCOL).orElse("tcp");
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, Set.of(service));
      int index = ServiceContainers.index(line, INDEX);
      ContainerSummary container = ServiceContainers.replica(session, service, index);
      for (ContainerSummary.Port port : container.listing().ports()) {
        if (port.published()
            && port.containerPort() == privatePort
            && port.protocol().equals(protocol)) {
          global.context().out().println(port.hostIp() + ":" + port.hostPort());
          return ExitCode.OK;
        }
      }
      throw new UserException(
          "no port " + privatePort + "/" + protocol + " for container " + container.name());
    }
  }

  private static int privatePort(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UserException(
          "PRIVATE_PORT must be a port number, got \"" + text + "\"", ExitCode.USAGE, e);
    }
  }
}

package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.JsonLine;
import io.jcompose.cli.render.Table;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code jcompose ps}: the project's containers as a table (docker compose's columns) or as JSON
 * lines; running ones unless {@code -a}; works from the labels alone with {@code -p NAME}.
 */
public final class PsCommand {

  static final Option ALL = Option.flag("Show all stopped containers too.", "-a", "--all");
  static final Option QUIET = Option.flag("Only display IDs.", "-q", "--quiet");
  static final Option SERVICES_ONLY = Option.flag("Display services.", "--services");
  static final Option STATUS =
      Option.value(
              "STATUS",
              "Filter services by status: created, restarting, running, removing, paused, exited,"
                  + " dead; repeatable.",
              "--status")
          .asRepeatable()
          .withAllowedValues(
              List.of("created", "restarting", "running", "removing", "paused", "exited", "dead"));
  static final Option FORMAT =
      Option.value("FORMAT", "Format the output: table or json.", "--format")
          .withAllowedValues(List.of("table", "json"))
          .withDefault("table");
  static final Option NO_TRUNC = Option.flag("Don't truncate output.", "--no-trunc");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "ps",
          "List containers.",
          List.of(Option.help(), ALL, QUIET, SERVICES_ONLY, STATUS, FORMAT, NO_TRUNC),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public PsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      if (!session.fromLabelsOnly()) {
        for (String service : services) {
          if (!session.project().services().containsKey(service)) {
            throw new UserException("no such service: " + service);
          }
        }
      }
      List<ContainerSummary> containers = select(session, services);
      print(containers, global.context().out());
      return ExitCode.OK;
    }
  }

  private List<ContainerSummary> select(ProjectSession session, Set<String> services) {
    List<String> statuses = line.values(STATUS);
    var selected = new ArrayList<ContainerSummary>();
    for (ContainerSummary container :
        session.runtime().listContainers(Labels.projectContainers(session.project().name()))) {
      if (!services.isEmpty() && !services.contains(container.label(Labels.SERVICE))) {
        continue;
      }
      boolean running = container.status() == ContainerStatus.RUNNING;
      if (!statuses.isEmpty()) {
        if (!statuses.contains(container.status().word())) {
          continue;
        }
      } else if (!line.has(ALL) && !running) {
        continue;
      }
      selected.add(container);
    }
    selected.sort(Comparator.comparing(ContainerSummary::name));
    return selected;
  }

  private void print(List<ContainerSummary> containers, PrintWriter out) {
    if (line.has(SERVICES_ONLY)) {
      var names = new TreeSet<String>();
      containers.forEach(container -> names.add(container.label(Labels.SERVICE)));
      names.forEach(out::println);
      return;
    }
    if (line.has(QUIET)) {
      containers.forEach(container -> out.println(container.id()));
      return;
    }
    if (line.value(FORMAT).orElse("table").equals("json")) {
      containers.forEach(container -> out.println(JsonLine.write(json(container))));
      return;
    }
    var table =
        new Table(List.of("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"));
    for (ContainerSummary container : containers) {
      ContainerSummary.Listing listing = container.listing();
      table.add(
          List.of(
              container.name(),
              container.image(),
              command(listing.command()),
              nullToEmpty(container.label(Labels.SERVICE)),
              listing.created().map(PsCommand::ago).orElse(""),
              listing.statusText().isEmpty() ? container.status().word() : listing.statusText(),
              ports(listing.ports())));
    }
    table.print(out);
  }

  private String command(String command) {
    String quoted = "\"" + command + "\"";
    if (line.has(NO_TRUNC) || quoted.length() <= 22) {
      return quoted;
    }
    return quoted.substring(0, 20) + "…\"";
  }

  private static Map<String, Object> json(ContainerSummary container) {
    ContainerSummary.Listing listing = container.listing();
    var publishers = new ArrayList<Object>();
    for (ContainerSummary.Port port : listing.ports()) {
      var publisher = new LinkedHashMap<String, Object>();
      publisher.put("URL", port.hostIp());
      publisher.put("TargetPort", port.containerPort());
      publisher.put("PublishedPort", port.hostPort());
      publisher.put("Protocol", port.protocol());
      publishers.add(publisher);
    }
    var object = new LinkedHashMap<String, Object>();
    object.put("Command", "\"" + listing.command() + "\"");
    object.put("CreatedAt", listing.created().map(Instant::toString).orElse(""));
    object.put("ExitCode", container.exitCode().orElse(0));
    object.put("Health", health(listing.statusText()));
    object.put("ID", container.id());
    object.put("Image", container.image());
    object.put("Labels", labels(container.labels()));
    object.put("Name", container.name());
    object.put("Names", container.name());
    object.put("Networks", String.join(",", new TreeSet<>(container.networks().keySet())));
    object.put("Ports", ports(listing.ports()));
    object.put("Project", nullToEmpty(container.label(Labels.PROJECT)));
    object.put("Publishers", publishers);
    object.put("Service", nullToEmpty(container.label(Labels.SERVICE)));
    object.put("State", container.status().word());
    object.put("Status", listing.statusText());
    return object;
  }

  private static String labels(Map<String, String> labels) {
    var pairs = new ArrayList<String>();
    new java.util.TreeMap<>(labels).forEach((key, value) -> pairs.add(key + "=" + value));
    return String.join(",", pairs);
  }

  private static String health(String statusText) {
    for (String health : List.of("healthy", "unhealthy", "starting")) {
      if (statusText.contains("(" + health + ")")
          || statusText.contains("(health: " + health + ")")) {
        return health;
      }
    }
    return "";
  }

  /** {@code 0.0.0.0:8080->80/tcp, 443/tcp}, as docker prints them. */
  static String ports(List<ContainerSummary.Port> ports) {
    var texts = new ArrayList<String>();
    for (ContainerSummary.Port port : ports) {
      if (port.published()) {
        String host = port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp();
        texts.add(
            host + ":" + port.hostPort() + "->" + port.containerPort() + "/" + port.protocol());
      } else {
        texts.add(port.containerPort() + "/" + port.protocol());
      }
    }
    return String.join(", ", new java.util.LinkedHashSet<>(texts));
  }

  private static String ago(Instant created) {
    Duration age = Duration.between(created, Instant.now());
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 60) {
      return seconds + " seconds ago";
    }
    if (seconds < 3600) {
      long minutes = seconds / 60;
      return minutes == 1 ? "About a minute ago" : minutes + " minutes ago";
    }
    if (seconds < 86400) {
      long hours = seconds / 3600;
      return hours == 1 ? "About an hour ago" : hours + " hours ago";
    }
    return (seconds / 86400) + " days ago";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}

package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.RuntimeConnector;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.JsonLine;
import io.jcompose.cli.render.Table;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.LabelFilter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code jcompose ls}: the projects on the endpoint, found through their containers' labels (the
 * project and config-hash labels, as docker compose finds them), with their states and files.
 */
public final class LsCommand {

  static final Option ALL = Option.flag("Show all stopped Compose projects.", "-a", "--all");
  static final Option QUIET = Option.flag("Only display project names.", "-q", "--quiet");
  static final Option FORMAT =
      Option.value("FORMAT", "Format the output: table or json.", "--format")
          .withAllowedValues(List.of("table", "json"))
          .withDefault("table");
  static final Option FILTER =
      Option.value("FILTER", "Filter output based on conditions provided (name=NAME).", "--filter");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "ls",
          "List running compose projects.",
          List.of(Option.help(), ALL, QUIET, FORMAT, FILTER),
          List.of());

  private final JcomposeCommand global;
  private final Values line;

  public LsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    try (RuntimeConnector.Connection connection = global.context().connector().connect(global)) {
      List<ContainerSummary> containers =
          connection
              .runtime()
              .listContainers(
                  LabelFilter.any().andPresent(Labels.PROJECT).andPresent(Labels.CONFIG_HASH));
      var projects = new TreeMap<String, ProjectState>();
      for (ContainerSummary container : containers) {
        projects
            .computeIfAbsent(container.label(Labels.PROJECT), name -> new ProjectState())
            .add(container);
      }
      String nameFilter =
          line.value(FILTER)
              .filter(f -> f.startsWith("name="))
              .map(f -> f.substring(5))
              .orElse(null);
      var shown = new LinkedHashMap<String, ProjectState>();
      projects.forEach(
          (name, state) -> {
            if ((line.has(ALL) || state.running() > 0)
                && (nameFilter == null || name.contains(nameFilter))) {
              shown.put(name, state);
            }
          });
      print(shown, global.context().out());
      return ExitCode.OK;
    }
  }

  private void print(Map<String, ProjectState> projects, PrintWriter out) {
    if (line.has(QUIET)) {
      projects.keySet().forEach(out::println);
      return;
    }
    if (line.value(FORMAT).orElse("table").equals("json")) {
      var list = new java.util.ArrayList<Object>();
      projects.forEach(
          (name, state) -> {
            var object = new LinkedHashMap<String, Object>();
            object.put("Name", name);
            object.put("Status", state.status());
            object.put("ConfigFiles", state.configFiles());
            list.add(object);
          });
      out.println(JsonLine.write(list));
      return;
    }
    var table = new Table(List.of("NAME", "STATUS", "CONFIG FILES"));
    projects.forEach(
        (name, state) -> table.add(List.of(name, state.status(), state.configFiles())));
    table.print(out);
  }

  /** How many containers of a project are in each state, and its compose files. */
  private static final class ProjectState {
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Set<String> files = new LinkedHashSet<>();
    private int running;

    void add(ContainerSummary container) {
      counts.merge(container.status().word(), 1, Integer::sum);
      if (container.status() == ContainerStatus.RUNNING) {
        running++;
      }
      String configFiles = container.label(Labels.CONFIG_FILES);
      if (configFiles != null && !configFiles.isEmpty()) {
        files.add(configFiles);
      }
    }

    int running() {
      return running;
    }

    /** {@code running(2), exited(1)}. */
    String status() {
      var parts = new java.util.ArrayList<String>();
      counts.forEach((state, count) -> parts.add(state + "(" + count + ")"));
      return String.join(", ", parts);
    }

    String configFiles() {
      return String.join(",", files);
    }
  }
}

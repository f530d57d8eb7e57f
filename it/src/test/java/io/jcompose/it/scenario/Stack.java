package io.jcompose.it.scenario;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.Main;
import io.jcompose.model.load.ProjectLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One scenario's project on a {@link Target}: a temporary directory holding {@code compose.yaml}, a
 * unique project name {@code jcs-<random>}, and jcompose run in-process against the target as a
 * user's shell would run it. Closing it runs {@code down -v --remove-orphans} and checks that no
 * container, network or volume of the project is left (removing them and failing if one is).
 */
final class Stack implements AutoCloseable {

  /** How long one jcompose command may take before the scenario fails. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Target target;
  private final String projectName;
  private final Path directory;
  private final ExecutorService executor;

  private Stack(Target target, String projectName, Path directory) {
    this.target = target;
    this.projectName = projectName;
    this.directory = directory;
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              var thread = new Thread(runnable, "jcs-" + projectName);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** A new project on {@code target} whose compose.yaml is {@code compose} (see {@link #write}). */
  static Stack create(Target target, String compose) throws Exception {
    String projectName = "jcs-" + UUID.randomUUID().toString().substring(0, 8);
    var stack = new Stack(target, projectName, Files.createTempDirectory(projectName));
    stack.write(compose);
    return stack;
  }

  String projectName() {
    return projectName;
  }

  Target target() {
    return target;
  }

  Path directory() {
    return directory;
  }

  /** The container name compose gives replica {@code number} of {@code service}. */
  String containerName(String service, int number) {
    return projectName + "-" + service + "-" + number;
  }

  /** Writes compose.yaml from {@code compose}, with {@code ${IMAGE}} replaced by the test image. */
  void write(String compose) throws Exception {
    Files.writeString(
        directory.resolve("compose.yaml"), compose.replace("${IMAGE}", target.image()));
  }

  /** Runs {@code jcompose <args>} on this project and returns what it printed and returned. */
  CommandResult jcompose(String... args) throws Exception {
    return start(args).await(COMMAND_TIMEOUT);
  }

  /** Like {@link #jcompose}, failing the scenario unless it returned 0. */
  CommandResult jcomposeOk(String... args) throws Exception {
    return jcompose(args).ok();
  }

  /** Starts {@code jcompose <args>} on a background thread (for {@code logs -f}, attached up). */
  Running start(String... args) {
    var command = new ArrayList<>(List.of("--project-name", projectName));
    command.addAll(List.of("--file", directory.resolve("compose.yaml").toString()));
    command.addAll(List.of("--progress", "plain", "--ansi", "never"));
    command.addAll(List.of(args));
    var out = new StringWriter();
    var err = new StringWriter();
    var context =
        new CliContext(
            target.clientEnvironment(),
            directory,
            () -> "",
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            ProjectLoader::load);
    Future<Integer> exitCode =
        executor.submit(() -> Main.run(command.toArray(String[]::new), context));
    return new Running(String.join(" ", command), exitCode, out, err);
  }

  /** {@code ps -a --format json}: one object per container (ID, Name, Service, State…). */
  List<Map<String, Object>> ps() throws Exception {
    CommandResult ps = jcomposeOk("ps", "-a", "--format", "json");
    var containers = new ArrayList<Map<String, Object>>();
    for (String line : ps.out().split("\n")) {
      if (!line.isBlank()) {
        containers.add(Target.jsonObject(line));
      }
    }
    return containers;
  }

  /** The container names and IDs of the project as the target's docker CLI lists them. */
  Map<String, String> containerIds() throws Exception {
    var ids = new HashMap<String, String>();
    for (Map<String, Object> container : target.containers(projectName)) {
      ids.put((String) container.get("Names"), (String) container.get("ID"));
    }
    return ids;
  }

  /** The {@code ps -a} entry of one container, by name. */
  Map<String, Object> psEntry(String containerName) throws Exception {
    Map<String, Object> entry = findEntry(containerName);
    if (entry == null) {
      throw new AssertionError("jcompose ps -a does not list " + containerName);
    }
    return entry;
  }

  /**
   * Waits until {@code ps -a} reports {@code containerName} in {@code state}; returns its entry.
   */
  Map<String, Object> awaitState(String containerName, String state) throws Exception {
    return Await.until(
        containerName + " to be " + state + " in ps -a",
        COMMAND_TIMEOUT,
        () -> findEntry(containerName),
        entry -> entry != null && state.equals(entry.get("State")));
  }

  private Map<String, Object> findEntry(String containerName) throws Exception {
    for (Map<String, Object> container : ps()) {
      if (containerName.equals(container.get("Name"))) {
        return container;
      }
    }
    return null;
  }

  /** Waits until {@code logs <service>} shows every one of {@code texts}; returns the logs. */
  String awaitLogs(String service, String... texts) throws Exception {
    return Await.until(
        "the logs of " + service + " to show " + List.of(texts),
        COMMAND_TIMEOUT,
        () -> jcomposeOk("logs", "--no-color", service).out(),
        logs -> List.of(texts).stream().allMatch(logs::contains));
  }

  /** Runs Debian's docker-compose 1.29 on this project's directory and name. */
  CommandResult dockerCompose(String... args) throws Exception {
    var command = new ArrayList<>(List.of("docker-compose", "--ansi", "never", "-p", projectName));
    command.addAll(List.of("-f", directory.resolve("compose.yaml").toString()));
    command.addAll(List.of(args));
    var environment = new HashMap<>(target.clientEnvironment());
    environment.put("COMPOSE_PROJECT_NAME", projectName);
    environment.put("COMPOSE_INTERACTIVE_NO_CLI", "1");
    return CommandResult.run(command, directory, environment, COMMAND_TIMEOUT);
  }

  @Override
  public void close() throws Exception {
    AssertionError failure = null;
    try {
      CommandResult down = jcompose("down", "-v", "--remove-orphans", "-t", "1");
      if (down.exitCode() != 0) {
        failure = new AssertionError("down -v failed: " + down);
      }
    } catch (AssertionError timedOut) {
      failure = timedOut;
    } finally {
      executor.shutdownNow();
    }
    List<String> left = target.leftovers(projectName);
    if (!left.isEmpty()) {
      target.removeLeftovers(projectName);
      var leak = new AssertionError("down -v left " + left + " of project " + projectName);
      if (failure != null) {
        leak.addSuppressed(failure);
      }
      throw leak;
    }
    if (failure != null) {
      throw failure;
    }
    Files.delete(directory.resolve("compose.yaml"));
    Files.delete(directory);
  }

  /** A jcompose command running on a background thread, its output readable as it comes. */
  static final class Running {
    private final String command;
    private final Future<Integer> exitCode;
    private final StringWriter out;
    private final StringWriter err;

    Running(String command, Future<Integer> exitCode, StringWriter out, StringWriter err) {
      this.command = command;
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    /** What it printed on standard output so far. */
    String out() {
      return out.toString();
    }

    /** Interrupts it, as Ctrl+C would stop a command that runs until then; returns its output. */
    String interrupt() {
      exitCode.cancel(true);
      return out.toString();
    }

    /** Waits for it to return; fails (and interrupts it) after {@code timeout}. */
    CommandResult await(Duration timeout) throws Exception {
      try {
        int code = exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new CommandResult(code, out.toString(), err.toString());
      } catch (TimeoutException e) {
        exitCode.cancel(true);
        throw new AssertionError(
            "jcompose "
                + command
                + " did not return within "
                + timeout.toSeconds()
                + "s\n--- stdout:\n"
                + out
                + "--- stderr:\n"
                + err);
      } catch (ExecutionException e) {
        throw new AssertionError(
            "jcompose " + command + " threw\n--- stderr:\n" + err, e.getCause());
      }
    }
  }
}

package io.jcompose.engine.build;

import io.jcompose.engine.build.dockerfile.Command;
import io.jcompose.engine.build.dockerfile.ExposedPort;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.build.dockerfile.KeyValue;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.image.RunConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How an instruction changes an image's container defaults, as dockerd's classic builder does it.
 * Pure: the builder decides the new config here and stores it elsewhere.
 */
final class ConfigChanges {

  private ConfigChanges() {}

  /**
   * The config after {@code expanded} (variables already substituted).
   *
   * @param scope the scope after the instruction (its ENV is the image's Env)
   * @param shell the stage's SHELL, for the shell form of CMD, ENTRYPOINT and HEALTHCHECK
   * @param cmdSetInStage a CMD came earlier in this stage, so ENTRYPOINT keeps it (an inherited one
   *     it resets, as docker does)
   */
  static RunConfig apply(
      RunConfig config,
      Instruction expanded,
      Scope scope,
      List<String> shell,
      boolean cmdSetInStage) {
    Change change = new Change(config);
    if (expanded instanceof Instruction.Env) {
      change.env = environment(scope.env());
    } else if (expanded instanceof Instruction.Label label) {
      var labels = new TreeMap<>(config.labels());
      for (KeyValue pair : label.labels()) {
        labels.put(pair.key(), pair.value());
      }
      change.labels = labels;
    } else if (expanded instanceof Instruction.Expose expose) {
      var ports = new TreeSet<>(config.exposedPorts());
      for (String word : expose.ports()) {
        ExposedPort port = ExposedPort.parse(word);
        for (int number = port.first(); number <= port.last(); number++) {
          ports.add(number + "/" + port.protocol());
        }
      }
      change.exposedPorts = List.copyOf(ports);
    } else if (expanded instanceof Instruction.User user) {
      change.user = user.user();
    } else if (expanded instanceof Instruction.Volume volume) {
      var volumes = new TreeSet<>(config.volumes());
      volume.paths().stream().filter(path -> !path.isBlank()).forEach(volumes::add);
      change.volumes = List.copyOf(volumes);
    } else if (expanded instanceof Instruction.Cmd cmd) {
      change.cmd = commandLine(cmd.command(), shell);
    } else if (expanded instanceof Instruction.Entrypoint entrypoint) {
      change.entrypoint = commandLine(entrypoint.command(), shell);
      if (!cmdSetInStage) {
        change.cmd = List.of();
      }
    } else if (expanded instanceof Instruction.Healthcheck check) {
      change.healthcheck = Optional.of(healthcheck(check, shell));
    } else if (expanded instanceof Instruction.StopSignal signal) {
      change.stopSignal = signal.signal();
    } else if (expanded instanceof Instruction.OnBuild onBuild) {
      var triggers = new ArrayList<>(config.onBuild());
      triggers.add(onBuild.expression());
      change.onBuild = triggers;
    } else if (expanded instanceof Instruction.Shell newShell) {
      change.shell = newShell.shell();
    } else if (expanded instanceof Instruction.Workdir workdir) {
      change.workingDir = workingDirectory(config.workingDir(), workdir.path());
    }
    return change.result();
  }

  /** {@code WORKDIR} relative to the current one, cleaned; {@code /} when nothing was set. */
  static String workingDirectory(String current, String path) {
    String base = current.isEmpty() ? "/" : current;
    return Path.of(base).resolve(path).normalize().toString();
  }

  /** A command as the container runs it: exec form as written, shell form under the SHELL. */
  static List<String> commandLine(Command command, List<String> shell) {
    if (command instanceof Command.Exec exec) {
      return exec.arguments();
    }
    var line = new ArrayList<>(shell);
    line.add(((Command.Shell) command).script());
    return line;
  }

  /** The ENV of a scope as the image's {@code Env} list. */
  static List<String> environment(Map<String, String> env) {
    var list = new ArrayList<String>();
    env.forEach((name, value) -> list.add(name + "=" + value));
    return list;
  }

  private static RunConfig.Healthcheck healthcheck(
      Instruction.Healthcheck check, List<String> shell) {
    if (check.disabled()) {
      return new RunConfig.Healthcheck(
          List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }
    var test = new ArrayList<String>();
    if (check.command() instanceof Command.Exec exec) {
      test.add("CMD");
      test.addAll(exec.arguments());
    } else {
      test.add("CMD-SHELL");
      test.add(((Command.Shell) check.command()).script());
    }
    Instruction.HealthOptions options = check.options();
    return new RunConfig.Healthcheck(
        test,
        orZero(options.interval()),
        orZero(options.timeout()),
        orZero(options.startPeriod()),
        orZero(options.startInterval()),
        options.retries() == null ? 0 : options.retries());
  }

  private static Duration orZero(Duration duration) {
    return Objects.requireNonNullElse(duration, Duration.ZERO);
  }

  /** The fields of a {@link RunConfig} while one instruction changes some of them. */
  private static final class Change {
    List<String> cmd;
    List<String> entrypoint;
    List<String> env;
    String workingDir;
    String user;
    List<String> exposedPorts;
    List<String> volumes;
    Map<String, String> labels;
    String stopSignal;
    Optional<RunConfig.Healthcheck> healthcheck;
    List<String> onBuild;
    List<String> shell;

    Change(RunConfig config) {
      cmd = config.cmd();
      entrypoint = config.entrypoint();
      env = config.env();
      workingDir = config.workingDir();
      user = config.user();
      exposedPorts = config.exposedPorts();
      volumes = config.volumes();
      labels = config.labels();
      stopSignal = config.stopSignal();
      healthcheck = config.healthcheck();
      onBuild = config.onBuild();
      shell = config.shell();
    }

    RunConfig result() {
      return new RunConfig(
          cmd,
          entrypoint,
          env,
          workingDir,
          user,
          exposedPorts,
          volumes,
          labels,
          stopSignal,
          healthcheck,
          onBuild,
          shell);
    }
  }
}

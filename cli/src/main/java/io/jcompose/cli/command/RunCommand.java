package io.jcompose.cli.command;

import io.jcompose.adapter.AttachRequest;
import io.jcompose.adapter.ContainerStreams;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.interactive.DetachKeys;
import io.jcompose.cli.interactive.StreamRelay;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.PortSpec;
import io.jcompose.planner.label.Names;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.spec.RunOverrides;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcompose run SERVICE [COMMAND [ARGS...]]}: a one-off container of the service (labelled
 * and named as docker compose names it), after its dependencies are up; attached to jcompose's
 * standard streams (a TTY on a terminal unless {@code -T}) and exiting with its exit code, or
 * printing its name with {@code -d}. {@code --rm} removes it afterwards.
 */
public final class RunCommand {

  static final Option DETACH =
      Option.flag("Run the container in the background and print its name.", "-d", "--detach");
  static final Option REMOVE =
      Option.flag("Automatically remove the container when it exits.", "--rm");
  static final Option NAME = Option.value("NAME", "Assign a name to the container.", "--name");
  static final Option ENTRYPOINT =
      Option.value("CMD", "Override the entrypoint of the image.", "--entrypoint");
  static final Option ENV =
      Option.value("KEY=VALUE", "Set an environment variable; repeatable.", "-e", "--env")
          .asRepeatable();
  static final Option LABEL =
      Option.value("KEY=VALUE", "Add or override a label; repeatable.", "-l", "--label")
          .asRepeatable();
  static final Option USER = Option.value("USER", "Run as this user.", "-u", "--user");
  static final Option WORKDIR =
      Option.value("DIR", "Working directory inside the container.", "-w", "--workdir");
  static final Option VOLUME =
      Option.value("VOLUME", "Bind mount a volume; repeatable.", "-v", "--volume").asRepeatable();
  static final Option PUBLISH =
      Option.value("PORT", "Publish a container's port to the host; repeatable.", "-p", "--publish")
          .asRepeatable();
  static final Option SERVICE_PORTS =
      Option.flag("Run with the service's ports published to the host.", "-P", "--service-ports");
  static final Option NO_DEPS = Option.flag("Don't start linked services.", "--no-deps");
  static final Option NO_TTY =
      Option.flag("Disable pseudo-TTY allocation (on by default on a terminal).", "-T", "--no-TTY");
  static final Option INTERACTIVE =
      Option.flag(
          "Keep STDIN open (the default; accepted for compatibility).", "-i", "--interactive");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
              "run",
              "Run a one-off command on a service.",
              List.of(
                  Option.help(),
                  DETACH,
                  REMOVE,
                  NAME,
                  ENTRYPOINT,
                  ENV,
                  LABEL,
                  USER,
                  WORKDIR,
                  VOLUME,
                  PUBLISH,
                  SERVICE_PORTS,
                  NO_DEPS,
                  NO_TTY,
                  INTERACTIVE),
              List.of(
                  new Positional("SERVICE", "The service.", 1, 1),
                  Positional.any("COMMAND", "The command and its arguments.")))
          .optionsEndingAtPositional();

  private static final SecureRandom SLUGS = new SecureRandom();

  private final JcomposeCommand global;
  private final Values line;

  public RunCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException, IOException {
    if (line.positionals().size() < 1) {
      throw new UserException("run needs a SERVICE", ExitCode.USAGE, null);
    }
    String serviceName = line.positionals().get(0);
    boolean detach = line.has(DETACH);
    boolean tty = !line.has(NO_TTY) && global.context().streams().terminal();
    RunOverrides overrides = overrides(tty);
    try (ProjectSession session = ProjectSession.open(global, false)) {
      session
          .compose()
          .prepareRun(
              session.project(),
              serviceName,
              ReconcileOptions.defaults().withNoDeps(line.has(NO_DEPS)));
      byte[] random = new byte[32];
      SLUGS.nextBytes(random);
      String slug = HexFormat.of().formatHex(random);
      String containerName =
          line.value(NAME).orElse(Names.oneOff(session.project().name(), serviceName, slug));
      ContainerSpec spec =
          session
              .compose()
              .oneOffSpec(session.project(), serviceName, containerName, slug, overrides);
      session.finishProgress();
      ContainerStreams streams = session.streams();
      if (detach) {
        String containerId = streams.createAttachable(spec, false, line.has(REMOVE));
        session.runtime().startContainer(containerId);
        global.context().out().println(containerName);
        return ExitCode.OK;
      }
      String containerId = streams.createAttachable(spec, true, false);
      boolean removeAtEnd = line.has(REMOVE);
      try {
        var attached =
            new AttachedContainer(
                session,
                containerId,
                streams.attach(containerId, new AttachRequest(true, false, Optional.empty(), tty)));
        session.runtime().startContainer(containerId);
        StreamRelay.Ending ending =
            attached.relay(true, tty, !tty, Optional.of(DetachKeys.parse(DetachKeys.DEFAULT)));
        if (ending == StreamRelay.Ending.DETACHED) {
          removeAtEnd = false;
          return ExitCode.OK;
        }
        return session.runtime().waitContainer(containerId);
      } finally {
        if (removeAtEnd) {
          remove(session, containerId);
        }
      }
    }
  }

  private static void remove(ProjectSession session, String containerId) {
    try {
      session.runtime().removeContainer(containerId, true, true);
    } catch (RuntimeFault.NotFound gone) {
      // removed already
    }
  }

  private RunOverrides overrides(boolean tty) {
    List<String> positionals = line.positionals();
    Optional<List<String>> command =
        positionals.size() > 1
            ? Optional.of(List.copyOf(positionals.subList(1, positionals.size())))
            : Optional.empty();
    var process =
        new RunOverrides.Process(
            command,
            line.value(ENTRYPOINT).map(RunCommand::words),
            CommandValues.pairs(line, ENV, global.context().environment()::get),
            line.value(USER),
            line.value(WORKDIR),
            tty,
            true);
    var publish = new ArrayList<PortSpec>();
    var volumes = new ArrayList<MountSpec>();
    try {
      for (String port : line.values(PUBLISH)) {
        publish.addAll(PortSpec.parse(port));
      }
      for (String volume : line.values(VOLUME)) {
        volumes.add(MountSpec.parse(volume));
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCode.USAGE, e);
    }
    return new RunOverrides(
        process,
        line.has(SERVICE_PORTS),
        publish,
        volumes,
        CommandValues.pairs(line, LABEL, key -> ""));
  }

  /** {@code --entrypoint "sh -c"}: split at white space, as docker compose's shell split does. */
  private static List<String> words(String entrypoint) {
    var words = new ArrayList<String>();
    for (String word : entrypoint.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}

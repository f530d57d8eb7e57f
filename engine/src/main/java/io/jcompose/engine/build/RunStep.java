package io.jcompose.engine.build;

import io.jcompose.engine.container.Container;
import io.jcompose.engine.container.ContainerConfig;
import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.container.CreateRequest;
import io.jcompose.engine.container.HostSettings;
import io.jcompose.engine.container.LogTarget;
import io.jcompose.engine.container.WaitCondition;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.LogFollower;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a RUN step: a container of the engine made from the step's image, with the command as its
 * only process (no entrypoint, no healthcheck), its output streamed into the build output, and,
 * when it exits 0, its file changes written as a layer tar. The container is always removed.
 */
final class RunStep {

  /** A RUN command that exited non-zero. */
  static final class Failed extends Exception {
    private final int exitCode;

    Failed(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** What the step's container runs. */
  record Command(
      Digest image,
      List<String> commandLine,
      List<String> env,
      String user,
      String workingDir,
      String networkMode,
      List<String> extraHosts) {}

  private final ContainerService containers;
  private final Snapshotter snapshots;
  private final BuildCancellation cancellation;

  RunStep(ContainerService containers, Snapshotter snapshots, BuildCancellation cancellation) {
    this.containers = containers;
    this.snapshots = snapshots;
    this.cancellation = cancellation;
  }

  /**
   * Runs {@code command}, writing its output to {@code out}, and writes its changes to {@code tar}.
   *
   * @throws Failed with dockerd's message when it exits non-zero
   */
  void run(Command command, BuildOutput out, Path tar)
      throws Failed, IOException, InterruptedException {
    Container container = containers.create(request(command));
    String id = container.id();
    try {
      out.text(" ---> Running in " + id.substring(0, 12) + "\n");
      LogTarget logs = containers.logs(id);
      CompletableFuture<Integer> exit = containers.await(id, WaitCondition.NEXT_EXIT);
      try (LogFollower follower = logs.log().followChunks(LogQuery.ALL, logs.runEnd())) {
        cancellation.following(follower);
        cancellation.check();
        containers.start(id);
        Optional<LogRecord> record;
        while ((record = follower.next()).isPresent()) {
          out.text(record.get().text());
        }
      } finally {
        cancellation.following(null);
      }
      // a client gone ends the follow at once: leave before waiting for an exit that may never
      // come, so that the finally below kills and removes the container
      cancellation.check();
      int code = exitCode(exit);
      cancellation.check();
      if (code != 0) {
        throw new Failed(
            "The command '"
                + String.join(" ", command.commandLine())
                + "' returned a non-zero code: "
                + code,
            code);
      }
      ContainerChanges.write(snapshots, id, tar);
      out.text("Removing intermediate container " + id.substring(0, 12) + "\n");
    } finally {
      containers.remove(id, true, true);
    }
  }

  private static int exitCode(CompletableFuture<Integer> exit) throws InterruptedException {
    try {
      return exit.get();
    } catch (ExecutionException e) {
      throw new EngineFault.Internal("waiting for a build step failed", e.getCause());
    }
  }

  private static CreateRequest request(Command command) {
    var config =
        new ContainerConfig(
            command.image().toString(),
            "",
            "",
            command.user(),
            ContainerConfig.Stdio.DETACHED,
            List.of(),
            command.commandLine(),
            command.env(),
            command.workingDir(),
            List.of(),
            List.of(),
            Map.of(),
            "",
            -1,
            new ContainerConfig.Healthcheck(List.of("NONE"), 0, 0, 0, 0, 0));
    HostSettings.Networking networking = HostSettings.DEFAULT.networking();
    var host =
        new HostSettings(
            HostSettings.DEFAULT.storage(),
            new HostSettings.Networking(
                command.networkMode(),
                networking.portBindings(),
                false,
                networking.dns(),
                networking.dnsSearch(),
                networking.dnsOptions(),
                command.extraHosts()),
            HostSettings.DEFAULT.restartPolicy(),
            false,
            HostSettings.DEFAULT.privileges(),
            HostSettings.DEFAULT.resources(),
            HostSettings.DEFAULT.kernel(),
            HostSettings.DEFAULT.logConfig(),
            false,
            "",
            "");
    return new CreateRequest(Optional.empty(), config, true, host, Map.of());
  }
}

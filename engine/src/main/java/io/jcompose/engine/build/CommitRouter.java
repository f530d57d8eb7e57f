package io.jcompose.engine.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.build.dockerfile.Platforms;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.container.Container;
import io.jcompose.engine.container.ContainerConfig;
import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.container.ContainerState;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.image.ImageCommit;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.image.RunConfig;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /commit} ({@code docker commit}): a container's file changes become one layer on its
 * image, with the container's config and the {@code changes} instructions, as the builder's steps
 * do. A running container is paused meanwhile unless {@code pause=0}.
 */
public final class CommitRouter implements ApiRouter {

  record Created(@JsonProperty("Id") String id) {}

  private static final Set<Class<?>> CHANGES =
      Set.of(
          Instruction.Cmd.class,
          Instruction.Entrypoint.class,
          Instruction.Env.class,
          Instruction.Expose.class,
          Instruction.Label.class,
          Instruction.OnBuild.class,
          Instruction.User.class,
          Instruction.Volume.class,
          Instruction.Workdir.class,
          Instruction.StopSignal.class,
          Instruction.Healthcheck.class);

  private final ImageStore images;
  private final Snapshotter snapshots;
  private final ContainerService containers;
  private final EventBus events;
  private final Path scratchRoot;

  public CommitRouter(
      ImageStore images,
      Snapshotter snapshots,
      ContainerService containers,
      EventBus events,
      Path dataRoot) {
    this.images = images;
    this.snapshots = snapshots;
    this.containers = containers;
    this.events = events;
    this.scratchRoot = dataRoot.resolve("build").resolve("tmp");
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.post("/commit", this::commit);
  }

  private Response commit(Request request) throws IOException {
    String reference =
        request
            .query()
            .get("container")
            .filter(name -> !name.isEmpty())
            .orElseThrow(() -> new EngineFault.InvalidArgument("no container given to commit"));
    Container container = containers.inspect(reference, false).container();
    Optional<String> tag = target(request);
    RunConfig config = withChanges(runConfig(container.config()), request.query().all("changes"));
    boolean pause =
        request.query().bool("pause", true)
            && container.state().status() == ContainerState.Status.RUNNING;
    Files.createDirectories(scratchRoot);
    Path tar = Files.createTempFile(scratchRoot, "commit-", ".tar");
    Image image;
    try {
      if (pause) {
        containers.pause(container.id());
      }
      try {
        ContainerChanges.write(snapshots, container.id(), tar);
      } finally {
        if (pause) {
          containers.unpause(container.id());
        }
      }
      image =
          images.commit(
              new ImageCommit(
                  Optional.of(container.imageId()),
                  config,
                  String.join(" ", container.config().commandLine()),
                  Optional.of(tar),
                  images.platform(),
                  request.query().get("comment").orElse(""),
                  request.query().get("author").orElse("")));
    } finally {
      Files.deleteIfExists(tar);
    }
    if (tag.isPresent()) {
      images.tag(image.id().toString(), tag.get());
    }
    events.publish(
        EngineEvent.Type.CONTAINER,
        "commit",
        container.id(),
        Map.of(
            "comment",
            request.query().get("comment").orElse(""),
            "imageID",
            image.id().toString()));
    return Response.json(201, new Created(image.id().toString()));
  }

  private static Optional<String> target(Request request) {
    Optional<String> repository = request.query().get("repo").filter(repo -> !repo.isEmpty());
    Optional<String> tag = request.query().get("tag").filter(value -> !value.isEmpty());
    return repository.map(repo -> tag.map(value -> repo + ":" + value).orElse(repo));
  }

  /** The image config of a container's config: what it ran with becomes the default. */
  private static RunConfig runConfig(ContainerConfig config) {
    ContainerConfig.Healthcheck check = config.healthcheck();
    return new RunConfig(
        config.cmd(),
        config.entrypoint(),
        config.env(),
        config.workingDir(),
        config.user(),
        config.exposedPorts(),
        config.volumes(),
        config.labels(),
        config.stopSignal(),
        check.configured()
            ? Optional.of(
                new RunConfig.Healthcheck(
                    check.test(),
                    Duration.ofNanos(check.intervalNanos()),
                    Duration.ofNanos(check.timeoutNanos()),
                    Duration.ofNanos(check.startPeriodNanos()),
                    Duration.ofNanos(check.startIntervalNanos()),
                    check.retries()))
            : Optional.empty());
  }

  /**
   * Applies {@code docker commit --change} instructions.
   *
   * @throws EngineFault.InvalidArgument for an instruction commit does not take
   */
  static RunConfig withChanges(RunConfig config, List<String> changes) {
    Dockerfile empty = Dockerfile.parse("FROM scratch\n");
    Scope scope =
        Scope.global(empty, Map.of(), Platforms.of("linux/amd64"))
            .stage(StageState.environment(config.env()));
    RunConfig changed = config;
    boolean cmdSet = false;
    for (String change : changes) {
      if (change.isBlank()) {
        continue;
      }
      Instruction instruction = OnBuildTriggers.parse(change);
      if (!CHANGES.contains(instruction.getClass())) {
        throw new EngineFault.InvalidArgument(
            change.strip().split("\\s+")[0] + " is not a valid change command");
      }
      Instruction expanded = scope.expand(instruction);
      scope = scope.with(instruction);
      changed = ConfigChanges.apply(changed, expanded, scope, StageState.DEFAULT_SHELL, cmdSet);
      cmdSet |= instruction instanceof Instruction.Cmd;
    }
    return changed;
  }
}

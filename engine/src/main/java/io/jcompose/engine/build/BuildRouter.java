package io.jcompose.engine.build;

import io.jcompose.engine.build.context.BuildContexts;
import io.jcompose.engine.build.dockerfile.BuildTarget;
import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Platforms;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.build.dockerfile.Stage;
import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.ClientGoneException;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /build}: dockerd's classic builder. The context is extracted and the Dockerfile
 * parsed before the answer starts (mistakes there are HTTP errors, 400 for the Dockerfile); the
 * build then streams its progress, and a failure after that is an error line in the stream.
 */
public final class BuildRouter implements ApiRouter {

  private final BuildParts parts;
  private final BuildCache cache;
  private final Path scratchRoot;

  /**
   * Opens the build cache under {@code <dataRoot>/build} and removes the scratch directories an
   * earlier engine left there.
   */
  public BuildRouter(
      ImageStore images,
      Snapshotter snapshots,
      ContainerService containers,
      ImagePulls pulls,
      EventBus events,
      Path dataRoot) {
    this.parts = new BuildParts(images, snapshots, containers, pulls, events, dataRoot);
    this.cache = new BuildCache(dataRoot, images);
    this.scratchRoot = dataRoot.resolve("build").resolve("tmp");
    try {
      DirectoryTree.delete(scratchRoot);
      Files.createDirectories(scratchRoot);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot prepare the build directory " + scratchRoot, e);
    }
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.post("/build", this::build);
  }

  private Response build(Request request) throws IOException {
    BuildRequest build = BuildRequest.of(request.query(), request.header("X-Registry-Config"));
    for (String tag : build.tags()) {
      ImageReference.parse(tag);
    }
    Path work = Files.createDirectory(scratchRoot.resolve(UUID.randomUUID().toString()));
    BuildJob job;
    try {
      job = prepare(request, build, work);
    } catch (RuntimeException e) {
      DirectoryTree.delete(work);
      throw e;
    }
    var cancellation = new BuildCancellation();
    request.whenClientGone(cancellation::cancel);
    var imageBuild = new ImageBuild(parts, build, job, cache, cancellation);
    return Response.progress(
        out -> {
          var output = new BuildOutput(out, build.quiet());
          try {
            imageBuild.run(output);
          } catch (RunStep.Failed failed) {
            output.error(failed.getMessage(), failed.exitCode());
          } catch (EngineFault fault) {
            if (!request.clientGone()) {
              output.error(fault.getMessage(), null);
            }
          } catch (ClientGoneException gone) {
            // nothing to tell anyone; the clean-up below still runs
          } catch (RuntimeException unexpected) {
            if (!request.clientGone()) {
              output.error("the build failed: " + unexpected, null);
            }
            throw unexpected;
          } finally {
            try {
              job.contexts().close();
            } finally {
              DirectoryTree.delete(work);
            }
          }
        });
  }

  private BuildJob prepare(Request request, BuildRequest build, Path work) {
    BuildContexts contexts =
        BuildContexts.extract(request.body(), build.namedContexts(), work.resolve("context"));
    try {
      String text = contexts.dockerfile(build.dockerfile());
      Dockerfile dockerfile = Dockerfile.parse(text);
      String platform =
          build.platform().isEmpty() ? parts.images().platform().toString() : build.platform();
      Scope global = Scope.global(dockerfile, build.buildArgs(), Platforms.of(platform));
      List<Stage> stages = BuildTarget.resolve(dockerfile, build.target(), global);
      return new BuildJob(contexts, text, dockerfile, global, stages, work);
    } catch (RuntimeException e) {
      contexts.close();
      throw e;
    }
  }
}

package io.jcompose.engine.build;

import io.jcompose.engine.build.context.BuildContexts;
import io.jcompose.engine.build.context.NamedContext;
import io.jcompose.engine.build.context.SourceTree;
import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.build.dockerfile.KeyValue;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.build.dockerfile.Stage;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.RunConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One build: the needed stages in order, each from its base (an image, pulled if need be, an
 * earlier stage, a named context, or nothing) through its steps, the request's labels as a last
 * step, then the tags. Output as dockerd's classic builder writes it.
 */
final class ImageBuild {

  private static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final BuildParts parts;
  private final BuildRequest request;
  private final Dockerfile dockerfile;
  private final SourceLines source;
  private final List<Stage> stages;
  private final Scope global;
  private final BuildContexts contexts;
  private final BaseImages bases;
  private final StepExecutor steps;
  private final Map<Integer, Optional<Digest>> stageImages = new HashMap<>();
  private final int total;
  private int step;

  ImageBuild(
      BuildParts parts,
      BuildRequest request,
      BuildJob job,
      BuildCache cache,
      BuildCancellation cancellation) {
    this.parts = parts;
    this.request = request;
    this.dockerfile = job.dockerfile();
    this.source = new SourceLines(job.text(), dockerfile.directives().escape());
    this.stages = job.stages();
    this.global = job.global();
    this.contexts = job.contexts();
    this.bases =
        new BaseImages(parts.images(), parts.pulls(), request.registryConfig(), request.pull());
    this.steps =
        new StepExecutor(
            parts,
            cache,
            new RunStep(parts.containers(), parts.snapshots(), cancellation),
            this::copySource,
            request,
            job.work(),
            cancellation);
    int count = request.labels().size();
    for (Stage stage : stages) {
      count += 1 + stage.instructions().size();
    }
    this.total = count;
  }

  /** Builds, tags and reports; returns the image. */
  Digest run(BuildOutput out) throws IOException, InterruptedException, RunStep.Failed {
    StageState state = null;
    for (Stage stage : stages) {
      state = from(stage, out);
      for (Instruction instruction : stage.instructions()) {
        out.step(++step, total, source.at(instruction.line()));
        state = steps.execute(state, instruction, source.at(instruction.line()), out);
      }
      stageImages.put(stage.index(), state.image());
    }
    for (Map.Entry<String, String> label : new TreeMap<>(request.labels()).entrySet()) {
      String text = "LABEL " + label.getKey() + "=" + label.getValue();
      out.step(++step, total, text);
      var instruction =
          new Instruction.Label(0, List.of(new KeyValue(label.getKey(), label.getValue())));
      state = steps.configStep(state, instruction, text, out);
    }
    Digest image =
        state
            .image()
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "No image was generated. Is your Dockerfile empty?"));
    List<String> unused = unconsumedBuildArgs();
    if (!unused.isEmpty()) {
      out.text(
          "[Warning] One or more build-args ["
              + String.join(" ", unused)
              + "] were not consumed\n");
    }
    var tags = new ArrayList<String>();
    for (String tag : request.tags()) {
      String familiar = ImageReference.parse(tag).withDefaultTag().familiarString();
      parts.images().tag(image.toString(), tag);
      parts
          .events()
          .publish(EngineEvent.Type.IMAGE, "tag", image.toString(), Map.of("name", familiar));
      tags.add(familiar);
    }
    out.built(image, tags);
    return image;
  }

  /** Build arguments no ARG of the built stages (or before FROM) declared, as dockerd warns. */
  private List<String> unconsumedBuildArgs() {
    var declared = new HashSet<String>(Scope.PROXY_ARGS);
    var arguments = new ArrayList<Instruction.Arg>(dockerfile.globalArgs());
    for (Stage stage : stages) {
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Instruction.Arg arg) {
          arguments.add(arg);
        }
      }
    }
    arguments.forEach(
        arg -> arg.declarations().forEach(declaration -> declared.add(declaration.name())));
    return request.buildArgs().keySet().stream()
        .filter(name -> !declared.contains(name))
        .sorted()
        .toList();
  }

  /** The FROM step: the stage's base, then the base's ONBUILD triggers. */
  private StageState from(Stage stage, BuildOutput out)
      throws IOException, InterruptedException, RunStep.Failed {
    out.step(++step, total, source.at(stage.from().line()));
    var from = (Instruction.From) global.expand(stage.from());
    String platform = from.platform() != null ? from.platform() : request.platform();
    String base = from.image();
    if (base.equalsIgnoreCase("scratch")) {
      out.text(" ---> \n");
      return StageState.start(Optional.empty(), withDefaultPath(RunConfig.EMPTY), global, platform);
    }
    Image image = baseImage(stage, base, platform, out);
    RunConfig config = image.config().runConfig();
    List<String> triggers = config.onBuild();
    StageState state =
        StageState.start(Optional.of(image.id()), withoutTriggers(config), global, platform);
    if (!triggers.isEmpty()) {
      out.text(
          "# Executing "
              + triggers.size()
              + " build trigger"
              + (triggers.size() == 1 ? "" : "s")
              + "\n");
      for (String trigger : triggers) {
        Instruction instruction = OnBuildTriggers.parse(trigger);
        state = steps.execute(state, instruction, trigger, out.withoutResults());
      }
    }
    out.result(state.image().orElseThrow());
    return state;
  }

  private Image baseImage(Stage stage, String base, String platform, BuildOutput out)
      throws IOException, InterruptedException {
    Optional<NamedContext> named = contexts.named(base);
    if (named.isPresent()) {
      if (named.get() instanceof NamedContext.Image context) {
        return bases.resolve(context.reference(), platform, out);
      }
      throw new EngineFault.InvalidArgument(
          "FROM " + base + ": the named context " + base + " is a directory, not an image");
    }
    for (Stage earlier : stages) {
      if (earlier.index() < stage.index() && earlier.hasName(base)) {
        Digest built =
            stageImages
                .get(earlier.index())
                .orElseThrow(
                    () ->
                        new EngineFault.InvalidArgument(
                            "FROM " + base + ": that stage made no image (FROM scratch alone)"));
        return parts.images().inspect(built.toString());
      }
    }
    return bases.resolve(base, platform, out);
  }

  /** {@code COPY --from}: a named context, an earlier stage, or an image, in that order. */
  private StepExecutor.MountedSource copySource(String from)
      throws IOException, InterruptedException {
    if (from == null) {
      return new StepExecutor.MountedSource(contexts.main(), () -> {});
    }
    Optional<NamedContext> named = contexts.named(from);
    if (named.isPresent() && named.get() instanceof NamedContext.Local local) {
      return new StepExecutor.MountedSource(local.tree(), () -> {});
    }
    List<Digest> layers;
    if (named.isPresent()) {
      String reference = ((NamedContext.Image) named.get()).reference();
      layers = bases.resolve(reference, request.platform(), BuildOutput.silent()).diffIds();
    } else {
      Optional<Stage> stage =
          dockerfile.stage(from).filter(found -> stageImages.containsKey(found.index()));
      if (stage.isPresent()) {
        layers =
            stageImages
                .get(stage.get().index())
                .map(id -> parts.images().inspect(id.toString()).diffIds())
                .orElse(List.of());
      } else {
        layers = bases.resolve(from, request.platform(), BuildOutput.silent()).diffIds();
      }
    }
    StepRootfs rootfs = StepRootfs.mount(parts.snapshots(), layers);
    return new StepExecutor.MountedSource(SourceTree.rootfs(rootfs.root()), rootfs::close);
  }

  /** As dockerd: a stage whose base sets no PATH gets the default one. */
  private static RunConfig withDefaultPath(RunConfig config) {
    if (config.env().stream().anyMatch(entry -> entry.startsWith("PATH="))) {
      return config;
    }
    var env = new ArrayList<>(config.env());
    env.add(DEFAULT_PATH);
    return config.withEnv(env);
  }

  private static RunConfig withoutTriggers(RunConfig config) {
    return config.withOnBuild(List.of());
  }
}

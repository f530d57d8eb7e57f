package io.jcompose.engine.build;

import io.jcompose.engine.build.context.FileCopies;
import io.jcompose.engine.build.context.PreparedCopy;
import io.jcompose.engine.build.context.SourceTree;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.RootedPath;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.image.ImageCommit;
import io.jcompose.engine.image.ImageConfig;
import io.jcompose.engine.image.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes one instruction of a stage: looks its result up in the build cache, else runs it (RUN in
 * a container, COPY/ADD and WORKDIR in an overlay of the step's image, the rest on the config
 * alone) and stores the image it makes with the cache entry that finds it next time.
 */
final class StepExecutor {

  /** Where a COPY reads from, resolved by the build (context, named context, stage, image). */
  interface CopySources {
    /** The tree of {@code --from} (null: the main context). */
    MountedSource open(String from) throws IOException, InterruptedException;
  }

  /** A COPY source and what releases it once read (unmounts an image's root). */
  record MountedSource(SourceTree tree, Runnable release) {}

  private final BuildParts parts;
  private final BuildCache cache;
  private final RunStep runs;
  private final CopySources sources;
  private final BuildRequest request;
  private final Path work;
  private final BuildCancellation cancellation;
  private int tarCount;

  StepExecutor(
      BuildParts parts,
      BuildCache cache,
      RunStep runs,
      CopySources sources,
      BuildRequest request,
      Path work,
      BuildCancellation cancellation) {
    this.parts = parts;
    this.cache = cache;
    this.runs = runs;
    this.sources = sources;
    this.request = request;
    this.work = work;
    this.cancellation = cancellation;
  }

  /** Runs {@code instruction} (as written) on {@code state}; {@code text} is its source line. */
  StageState execute(StageState state, Instruction instruction, String text, BuildOutput out)
      throws IOException, InterruptedException, RunStep.Failed {
    cancellation.check();
    Instruction expanded = state.scope().expand(instruction);
    Scope after = state.scope().with(instruction);
    if (instruction instanceof Instruction.Run run) {
      return run(state, run, out);
    }
    if (expanded instanceof Instruction.Copy copy) {
      return copy(state, copy, out);
    }
    if (expanded instanceof Instruction.Workdir workdir) {
      return workdir(state, workdir, text, out);
    }
    StageState next = state.withScope(after);
    if (expanded instanceof Instruction.Shell shell) {
      next = next.withShell(shell.shell());
    }
    StageState result = configStep(next, expanded, text, out);
    return instruction instanceof Instruction.Cmd ? result.withCmdSet() : result;
  }

  /** A step that changes only the config (ENV, LABEL, CMD ...): an image without a layer. */
  StageState configStep(StageState state, Instruction expanded, String text, BuildOutput out)
      throws IOException {
    RunConfig config =
        ConfigChanges.apply(state.config(), expanded, state.scope(), state.shell(), state.cmdSet());
    StepKey key =
        key(
            state,
            expanded,
            Map.of("shell", state.shell().toString(), "config", configText(config)));
    Optional<StageState> cached = cached(state, key, out);
    if (cached.isPresent()) {
      return cached.get();
    }
    String author = expanded instanceof Instruction.Maintainer maintainer ? maintainer.name() : "";
    return commit(state, key, config, nop(state, text), Optional.empty(), author, out);
  }

  private StageState run(StageState state, Instruction.Run run, BuildOutput out)
      throws IOException, InterruptedException, RunStep.Failed {
    if (!run.flags().isEmpty()) {
      throw new EngineFault.InvalidArgument(
          "Dockerfile:"
              + run.line()
              + ": RUN --"
              + run.flags().get(0).name()
              + " needs BuildKit; the classic builder does not support it");
    }
    if (!run.heredocs().isEmpty()) {
      throw new EngineFault.InvalidArgument(
          "Dockerfile:" + run.line() + ": here-documents in RUN need BuildKit");
    }
    List<String> commandLine = ConfigChanges.commandLine(run.command(), state.shell());
    Map<String, String> environment = state.scope().runEnvironment();
    StepKey key =
        key(
            state,
            run,
            Map.of(
                "env", new TreeMap<>(environment).toString(), "shell", state.shell().toString()));
    Optional<StageState> cached = cached(state, key, out);
    if (cached.isPresent()) {
      return cached.get();
    }
    Digest image =
        state
            .image()
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "Dockerfile:"
                            + run.line()
                            + ": RUN needs files to run: this stage is FROM scratch and has"
                            + " none yet"));
    Path tar = nextTar();
    try {
      runs.run(
          new RunStep.Command(
              image,
              commandLine,
              ConfigChanges.environment(environment),
              state.config().user(),
              state.config().workingDir(),
              request.networkMode(),
              request.extraHosts()),
          out,
          tar);
      return commit(
          state,
          key,
          state.config(),
          runHistory(commandLine, environment, state.scope().env()),
          Optional.of(tar),
          out);
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  private StageState copy(StageState state, Instruction.Copy copy, BuildOutput out)
      throws IOException, InterruptedException {
    if (!copy.options().other().isEmpty()) {
      throw new EngineFault.InvalidArgument(
          "Dockerfile:"
              + copy.line()
              + ": "
              + (copy.add() ? "ADD" : "COPY")
              + " --"
              + copy.options().other().get(0).name()
              + " needs BuildKit; the classic builder does not support it");
    }
    MountedSource source = sources.open(copy.options().from());
    try {
      PreparedCopy prepared =
          FileCopies.prepare(copy, source.tree(), state.workingDir(), work.resolve("downloads"));
      StepKey key = key(state, copy, Map.of("content", prepared.contentKey()));
      Optional<StageState> cached = cached(state, key, out);
      if (cached.isPresent()) {
        return cached.get();
      }
      String createdBy =
          String.join(" ", state.shell())
              + " #(nop) "
              + (copy.add() ? "ADD " : "COPY ")
              + prepared.description()
              + " ";
      Path tar = nextTar();
      try (StepRootfs rootfs = StepRootfs.mount(parts.snapshots(), layersOf(state))) {
        prepared.applyTo(rootfs.root());
        Optional<Path> layer = rootfs.changes(tar);
        return commit(state, key, state.config(), createdBy, layer, out);
      } finally {
        Files.deleteIfExists(tar);
      }
    } finally {
      source.release().run();
    }
  }

  private StageState workdir(
      StageState state, Instruction.Workdir workdir, String text, BuildOutput out)
      throws IOException {
    RunConfig config =
        ConfigChanges.apply(state.config(), workdir, state.scope(), state.shell(), state.cmdSet());
    StepKey key = key(state, workdir, Map.of("dir", config.workingDir()));
    Optional<StageState> cached = cached(state, key, out);
    if (cached.isPresent()) {
      return cached.get();
    }
    Path tar = nextTar();
    try (StepRootfs rootfs = StepRootfs.mount(parts.snapshots(), layersOf(state))) {
      createWorkingDirectory(rootfs.root(), config.workingDir());
      Optional<Path> layer = rootfs.changes(tar);
      return commit(
          state, key, config, String.join(" ", state.shell()) + " #(nop) " + text, layer, out);
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  /**
   * The step's cache key: its parent, instruction and {@code extra}; on {@code FROM scratch}, where
   * no parent image carries it, the platform too.
   */
  private StepKey key(StageState state, Instruction instruction, Map<String, String> extra) {
    if (state.image().isPresent()) {
      return StepKey.of(state.image(), instruction, extra);
    }
    var withPlatform = new HashMap<>(extra);
    withPlatform.put("platform", platformOf(state.platform()).toString());
    return StepKey.of(state.image(), instruction, withPlatform);
  }

  /**
   * A config as the cache compares it (what a config step leaves depends on more than its
   * instruction: ENTRYPOINT resets a CMD only when the stage set none), labels in a fixed order.
   */
  private static String configText(RunConfig config) {
    return List.of(
            config.cmd(),
            config.entrypoint(),
            config.env(),
            config.workingDir(),
            config.user(),
            config.exposedPorts(),
            config.volumes(),
            new TreeMap<>(config.labels()),
            config.stopSignal(),
            config.healthcheck(),
            config.onBuild(),
            config.shell())
        .toString();
  }

  /** WORKDIR's directory, made inside the image's root as the image sees it. */
  private static void createWorkingDirectory(Path root, String path) {
    String notDirectory =
        "cannot create the working directory " + path + ": a part of it is not a directory";
    try {
      if (!Files.isDirectory(RootedPath.createDirectories(root, path), LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(notDirectory);
      }
    } catch (NotDirectoryException e) {
      throw new EngineFault.InvalidArgument(notDirectory);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot create the working directory " + path, e);
    }
  }

  private Optional<StageState> cached(StageState state, StepKey key, BuildOutput out)
      throws IOException {
    if (request.noCache()) {
      return Optional.empty();
    }
    Optional<Digest> hit = cache.find(key);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    Image image = parts.images().inspect(hit.get().toString());
    out.text(" ---> Using cache\n");
    out.result(image.id());
    return Optional.of(state.withImage(image.id(), image.config().runConfig()));
  }

  private StageState commit(
      StageState state,
      StepKey key,
      RunConfig config,
      String createdBy,
      Optional<Path> layer,
      BuildOutput out)
      throws IOException {
    return commit(state, key, config, createdBy, layer, "", out);
  }

  private StageState commit(
      StageState state,
      StepKey key,
      RunConfig config,
      String createdBy,
      Optional<Path> layer,
      String author,
      BuildOutput out)
      throws IOException {
    Image made =
        parts
            .images()
            .commit(
                new ImageCommit(
                    state.image(),
                    config,
                    createdBy,
                    layer,
                    platformOf(state.platform()),
                    "",
                    author));
    cache.remember(key, made.id());
    out.result(made.id());
    return state.withImage(made.id(), made.config().runConfig());
  }

  private List<Digest> layersOf(StageState state) {
    return state
        .image()
        .map(id -> parts.images().inspect(id.toString()).diffIds())
        .orElse(List.of());
  }

  private Path nextTar() {
    return work.resolve("layer-" + (++tarCount) + ".tar");
  }

  /**
   * dockerd's history text of a RUN: the command, after {@code |N NAME=value ...} when build
   * arguments (ARGs and proxy arguments, not ENV) were in its environment.
   */
  static String runHistory(
      List<String> commandLine, Map<String, String> environment, Map<String, String> env) {
    List<String> arguments =
        environment.entrySet().stream()
            .filter(variable -> !env.containsKey(variable.getKey()))
            .map(variable -> variable.getKey() + "=" + variable.getValue())
            .sorted()
            .toList();
    String command = String.join(" ", commandLine);
    return arguments.isEmpty()
        ? command
        : "|" + arguments.size() + " " + String.join(" ", arguments) + " " + command;
  }

  /** dockerd's history text of a step that runs nothing: {@code /bin/sh -c #(nop) CMD [...]}. */
  private static String nop(StageState state, String text) {
    return String.join(" ", state.shell()) + " #(nop)  " + text;
  }

  private ImageConfig.Platform platformOf(String platform) {
    if (platform.isEmpty()) {
      return parts.images().platform();
    }
    String[] fields = platform.split("/", 3);
    return new ImageConfig.Platform(
        fields[0], fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2] : "");
  }
}

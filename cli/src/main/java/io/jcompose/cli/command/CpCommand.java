package io.jcompose.cli.command;

import io.jcompose.adapter.tools.ContainerTools;
import io.jcompose.adapter.tools.PathArchive;
import io.jcompose.adapter.tools.PathStat;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.copy.ArchiveExtraction;
import io.jcompose.cli.copy.CopyArguments;
import io.jcompose.cli.copy.CopyPaths;
import io.jcompose.cli.copy.CopyTarget;
import io.jcompose.cli.copy.LocalSide;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code jcompose cp}: copies files between a service's containers and the local filesystem with
 * {@code docker cp}'s semantics (a file onto a file, a directory into a directory, {@code dir/.}
 * for its contents, {@code -} for a tar on standard input or output). Into a service it copies to
 * every container of it (or replica {@code --index}); out of one, from its first container.
 *
 * <p>A {@code -} tar is binary, so it goes through the context's byte streams rather than its text
 * writers.
 */
public final class CpCommand {

  static final Option INDEX =
      Option.value("N", "Index of the container if the service has replicas.", "--index")
          .withDefault("0");
  static final Option ALL = Option.flag("Include containers created by the run command.", "--all");
  static final Option ARCHIVE =
      Option.flag("Archive mode (copy all uid/gid information).", "-a", "--archive");
  static final Option FOLLOW_LINK =
      Option.flag("Always follow symbol link in SRC_PATH.", "-L", "--follow-link");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "cp",
          "Copy files/folders between a service container and the local filesystem.",
          List.of(Option.help(), INDEX, ALL, ARCHIVE, FOLLOW_LINK),
          List.of(
              new Positional("SRC_PATH", "SERVICE:SRC_PATH, a local path or -.", 1, 1),
              new Positional("DEST_PATH", "SERVICE:DEST_PATH, a local path or -.", 1, 1)));

  private final JcomposeCommand global;
  private final Values line;

  public CpCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    if (line.positionals().size() != 2) {
      throw new UserException("cp takes SRC_PATH and DEST_PATH", ExitCode.USAGE, null);
    }
    CopyArguments copy = CopyArguments.parse(line.positionals().get(0), line.positionals().get(1));
    if (line.has(ALL) && !copy.toService()) {
      throw new UserException("cannot use the --all flag when copying from a service");
    }
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, Set.of(copy.service()));
      List<ContainerSummary> containers = targets(session, copy);
      if (copy.toService()) {
        new CopyIn(session.tools(), copy, line.has(ARCHIVE), line.has(FOLLOW_LINK), this::local)
            .run(containers, global.context().streams().stdin(), global.context().err());
      } else {
        copyOut(session.tools(), copy, containers.get(0));
        global.context().err().println(" Container " + containers.get(0).name() + "  Copied");
      }
      return ExitCode.OK;
    } catch (IOException e) {
      throw new UserException("copying failed: " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  private List<ContainerSummary> targets(ProjectSession session, CopyArguments copy) {
    int index = ServiceContainers.index(line, INDEX);
    if (index > 0) {
      return List.of(ServiceContainers.replica(session, copy.service(), index));
    }
    List<ContainerSummary> containers =
        ServiceContainers.of(session, Set.of(copy.service()), true, line.has(ALL));
    if (containers.isEmpty()) {
      throw new UserException("no container found for service \"" + copy.service() + "\"");
    }
    return copy.toService()
        ? containers
        : List.of(ServiceContainers.replica(session, copy.service(), 0));
  }

  private void copyOut(ContainerTools tools, CopyArguments copy, ContainerSummary container)
      throws IOException {
    String sourcePath = copy.containerPath();
    String rebaseName = "";
    if (line.has(FOLLOW_LINK)) {
      Optional<PathStat> stat = tools.statPath(container.id(), sourcePath);
      if (stat.isPresent() && stat.get().isSymlink()) {
        String[] rebased =
            CopyPaths.rebaseName(sourcePath, linkTarget(sourcePath, stat.get().linkTarget()));
        sourcePath = rebased[0];
        rebaseName = rebased[1];
      }
    }
    try (PathArchive archive = tools.readArchive(container.id(), sourcePath)) {
      if (copy.localPath().equals("-")) {
        global.context().out().flush();
        OutputStream stdout = global.context().streams().stdout();
        archive.transferTo(stdout);
        stdout.flush();
        return;
      }
      String destination = local(copy.localPath());
      CopyTarget target =
          CopyTarget.of(
              sourcePath,
              archive.stat().isDirectory(),
              rebaseName,
              destination,
              LocalSide.destination(destination));
      UnaryOperator<String> naming = name -> name;
      if (!rebaseName.isEmpty()) {
        naming = new CopyTarget.Rename(CopyPaths.splitDirEntry(sourcePath)[1], rebaseName)::apply;
      }
      if (target.rename().isPresent()) {
        UnaryOperator<String> first = naming;
        CopyTarget.Rename second = target.rename().get();
        naming = name -> second.apply(first.apply(name));
      }
      ArchiveExtraction.extract(archive, Path.of(target.directory()), naming);
    }
  }

  /** A symlink's target, a relative one joined to the link's directory. */
  static String linkTarget(String linkPath, String target) {
    return target.startsWith("/")
        ? target
        : CopyPaths.join(CopyPaths.splitDirEntry(linkPath)[0], target);
  }

  private String local(String path) {
    return LocalSide.absolute(path, global.context().workingDirectory());
  }
}

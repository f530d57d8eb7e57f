package io.jcompose.cli.command;

import io.jcompose.adapter.tools.ContainerTools;
import io.jcompose.adapter.tools.PathStat;
import io.jcompose.cli.UserException;
import io.jcompose.cli.copy.ArchivePacking;
import io.jcompose.cli.copy.CopyArguments;
import io.jcompose.cli.copy.CopyPaths;
import io.jcompose.cli.copy.CopyTarget;
import io.jcompose.cli.copy.LocalSide;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code cp SRC SERVICE:DEST} for each target container: the destination stat-ed (a symlink
 * followed), the local source packed under the name the copy must take, and the tar extracted into
 * the directory docker's rules choose.
 */
final class CopyIn {

  private final ContainerTools tools;
  private final CopyArguments copy;
  private final boolean copyOwnership;
  private final boolean followLink;
  private final UnaryOperator<String> absolute;

  CopyIn(
      ContainerTools tools,
      CopyArguments copy,
      boolean copyOwnership,
      boolean followLink,
      UnaryOperator<String> absolute) {
    this.tools = tools;
    this.copy = copy;
    this.copyOwnership = copyOwnership;
    this.followLink = followLink;
    this.absolute = absolute;
  }

  /**
   * @param stdin opens standard input, where {@code cp - SERVICE:DEST} reads its tar
   */
  void run(List<ContainerSummary> containers, Supplier<InputStream> stdin, PrintWriter err)
      throws IOException, InterruptedException {
    boolean fromStdin = copy.localPath().equals("-");
    byte[] stdinTar = fromStdin ? stdin.get().readAllBytes() : null;
    LocalSide.Source source =
        fromStdin ? null : LocalSide.source(absolute.apply(copy.localPath()), followLink);
    for (ContainerSummary container : containers) {
      String destination = copy.containerPath();
      Optional<PathStat> stat = tools.statPath(container.id(), destination);
      if (stat.isPresent() && stat.get().isSymlink()) {
        destination = CpCommand.linkTarget(destination, stat.get().linkTarget());
        stat = tools.statPath(container.id(), destination);
      }
      if (stat.isPresent() && stat.get().isSpecial()) {
        throw new UserException(
            "destination \""
                + container.name()
                + ":"
                + copy.containerPath()
                + "\" must be a directory or a regular file");
      }
      if (fromStdin) {
        if (stat.isEmpty() || !stat.get().isDirectory()) {
          throw new UserException(
              "destination \""
                  + container.name()
                  + ":"
                  + copy.containerPath()
                  + "\" must be a directory");
        }
        tools.extractArchive(
            container.id(), destination, new ByteArrayInputStream(stdinTar), copyOwnership);
      } else {
        CopyTarget target =
            CopyTarget.of(
                source.path(),
                source.directory(),
                source.rebaseName(),
                destination,
                stat.map(PathStat::isDirectory));
        String sourceBase =
            source.rebaseName().isEmpty()
                ? CopyPaths.splitDirEntry(source.path())[1]
                : source.rebaseName();
        String topName = target.rename().map(CopyTarget.Rename::to).orElse(sourceBase);
        send(container, Path.of(CopyPaths.clean(source.path())), topName, target.directory());
      }
      err.println(" Container " + container.name() + "  Copied");
    }
  }

  /** Packs on a second thread while the request streams the tar out. */
  private void send(ContainerSummary container, Path source, String topName, String directory)
      throws IOException, InterruptedException {
    var failure = new AtomicReference<IOException>();
    try (var in = new PipedInputStream(64 * 1024)) {
      var out = new PipedOutputStream(in);
      Thread packer =
          new DaemonThreads("jcompose-cp")
              .newThread(
                  () -> {
                    try (out) {
                      ArchivePacking.write(source, topName, out);
                    } catch (IOException e) {
                      failure.set(e);
                    }
                  });
      packer.start();
      try {
        tools.extractArchive(container.id(), directory, in, copyOwnership);
      } finally {
        in.close(); // a packer still writing (the request failed) stops
        packer.join();
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}

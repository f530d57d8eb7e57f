package io.jcompose.engine.build.context;

import io.jcompose.engine.build.dockerfile.Heredoc;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.fault.EngineFault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prepares COPY and ADD steps. */
public final class FileCopies {

  private FileCopies() {}

  /**
   * Resolves and reads what {@code copy} names, before anything is written: sources (globs,
   * here-documents, for ADD also URLs, downloaded under {@code scratch}, and local tars, which are
   * extracted when applied) inside {@code from}, the destination against {@code workdir}.
   *
   * @param copy the instruction with its variables already expanded
   * @param from where its sources are read (the main context, a named context, a stage's root)
   * @param workdir the stage's working directory at this step (absolute)
   * @param scratch a directory for downloads that lives as long as the build
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument when a source is missing, escapes
   *     its tree, or a URL cannot be fetched; the message names the source as docker does
   */
  public static PreparedCopy prepare(
      Instruction.Copy copy, SourceTree from, String workdir, Path scratch) {
    String command = copy.add() ? "ADD" : "COPY";
    String destination = destination(copy.destination(), workdir);
    Optional<ChownSpec> chown =
        Optional.ofNullable(copy.options().chown()).map(raw -> ChownSpec.parse(raw, command));
    Optional<Integer> chmod =
        Optional.ofNullable(copy.options().chmod()).map(raw -> chmod(raw, command));
    var resolver = new SourceResolver(from, command, copy.add());
    var sources = new ArrayList<CopySource>();
    for (String source : copy.sources()) {
      Optional<Heredoc> heredoc = copy.heredoc(source);
      if (heredoc.isPresent()) {
        byte[] content = heredoc.get().content().getBytes(StandardCharsets.UTF_8);
        sources.add(
            new CopySource.Inline(heredoc.get().name(), content, SourceDigest.bytes(content)));
      } else if (UrlDownload.isUrl(source)) {
        if (!copy.add()) {
          throw new EngineFault.InvalidArgument("COPY failed: source can't be a URL for COPY");
        }
        CopySource.Download download = UrlDownload.fetch(source, scratch);
        if (download.name().isEmpty() && destination.endsWith("/")) {
          throw new EngineFault.InvalidArgument(
              "ADD failed: cannot determine filename for source " + source);
        }
        sources.add(download);
      } else {
        sources.addAll(resolver.resolve(source));
      }
    }
    if (sources.isEmpty()) {
      throw new EngineFault.InvalidArgument(command + " failed: no source files were specified");
    }
    if (sources.size() > 1 && !destination.endsWith("/")) {
      throw new EngineFault.InvalidArgument(
          "When using "
              + command
              + " with more than one source file, the destination must be a directory and end"
              + " with a /");
    }
    return new PreparedCopy(
        new PreparedCopy.Step(command, List.copyOf(sources), destination, chown, chmod));
  }

  /**
   * The absolute destination: {@code raw} against {@code workdir}, cleaned, a trailing {@code /}
   * kept (it means "into this directory").
   */
  static String destination(String raw, String workdir) {
    String joined = raw.startsWith("/") ? raw : workdir + "/" + raw;
    String absolute = TreePath.cleanWithin(joined).absolute();
    return raw.endsWith("/") && !absolute.endsWith("/") ? absolute + "/" : absolute;
  }

  private static int chmod(String raw, String command) {
    if (!raw.matches("[0-7]{3,4}")) {
      throw new EngineFault.InvalidArgument(
          command + " failed: invalid --chmod=" + raw + ": give the mode in octal, e.g. 0755");
    }
    return Integer.parseInt(raw, 8);
  }
}

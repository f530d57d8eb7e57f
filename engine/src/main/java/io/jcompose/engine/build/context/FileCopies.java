package io.jcompose.engine.build.context;

import io.jcompose.engine.build.dockerfile.Instruction;
import java.nio.file.Path;

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
    throw new UnsupportedOperationException("wt-buildfiles");
  }
}

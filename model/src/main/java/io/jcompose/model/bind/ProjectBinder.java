package io.jcompose.model.bind;

import io.jcompose.model.project.Project;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Binds the canonical tree into typed records. */
public final class ProjectBinder {

  private ProjectBinder() {}

  /**
   * @param canonical the canonical document (output of the canonical stage)
   * @param disabledServices services switched off by profiles, already removed from {@code
   *     canonical} but kept as known names
   */
  public static Project bind(
      MapNode canonical,
      String projectName,
      Path workingDirectory,
      List<Path> configFiles,
      Set<String> disabledServices,
      Diagnostics diagnostics) {
    throw new UnsupportedOperationException("not yet");
  }
}

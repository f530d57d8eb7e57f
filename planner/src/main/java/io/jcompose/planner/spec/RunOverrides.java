package io.jcompose.planner.spec;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.PortSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code run}'s command line changes in the service's container.
 *
 * @param process the command, environment and terminal of the one-off
 * @param servicePorts publish the service's own ports ({@code --service-ports}); off by default
 * @param publish ports published in addition ({@code -p})
 * @param volumes mounts added ({@code -v}); relative host paths are the project directory's
 * @param labels labels added ({@code -l})
 */
public record RunOverrides(
    Process process,
    boolean servicePorts,
    List<PortSpec> publish,
    List<MountSpec> volumes,
    Map<String, String> labels) {

  public RunOverrides {
    Objects.requireNonNull(process, "process");
    publish = List.copyOf(publish);
    volumes = List.copyOf(volumes);
    labels = Map.copyOf(labels);
  }

  /**
   * @param command replaces the service's command, when given
   * @param entrypoint replaces the service's entrypoint, when given ({@code --entrypoint})
   * @param environment added to the service's, winning on a clash ({@code -e})
   * @param tty allocate a TTY
   * @param stdinOpen keep standard input open ({@code -i})
   */
  public record Process(
      Optional<List<String>> command,
      Optional<List<String>> entrypoint,
      Map<String, String> environment,
      Optional<String> user,
      Optional<String> workingDir,
      boolean tty,
      boolean stdinOpen) {

    public Process {
      command = command.map(List::copyOf);
      entrypoint = entrypoint.map(List::copyOf);
      environment = Map.copyOf(environment);
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(workingDir, "workingDir");
    }
  }
}

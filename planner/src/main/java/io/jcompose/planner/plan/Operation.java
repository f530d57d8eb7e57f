package io.jcompose.planner.plan;

/**
 * One atomic step of a plan, one runtime call each (a wait polls). Containers are named, not
 * identified: names are unique on an endpoint and known before the container exists.
 */
public sealed interface Operation
    permits PullImage,
        PushImage,
        BuildImage,
        RemoveImage,
        CreateNetwork,
        RemoveNetwork,
        CreateVolume,
        RemoveVolume,
        CreateContainer,
        StartContainer,
        StopContainer,
        RemoveContainer,
        RenameContainer,
        WaitForDependency {

  /** What the operation acts on, as the plan prints it: {@code container demo-web-1}. */
  String resource();

  /** What it does: {@code create}, {@code start}, {@code wait for db service_healthy}. */
  String action();

  /** The service it belongs to, or empty for project resources (networks, volumes). */
  String serviceName();
}

package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.stats.CgroupLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /containers/{id}/top?ps_args=}: the processes in the container's cgroup, listed by the
 * host's {@code ps} (default {@code -ef}: UID PID PPID C STIME TTY TIME CMD), as dockerd does.
 */
public final class TopRouter implements ApiRouter {

  private final ContainerService containers;

  public TopRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes.get("/containers/{id}/top", this::top);
  }

  record TopBody(
      @JsonProperty("Titles") List<String> titles,
      @JsonProperty("Processes") List<List<String>> processes) {}

  private Response top(Request request) throws IOException {
    String psArgs = request.query().get("ps_args").filter(args -> !args.isEmpty()).orElse("-ef");
    ProcessTable.checkArguments(psArgs);
    Container container = containers.registry().resolve(request.pathParameter("id")).current();
    if (container.state().status() == ContainerState.Status.RESTARTING) {
      throw new EngineFault.Conflict(
          "Container " + container.id() + " is restarting, wait until the container is running");
    }
    if (!container.isRunning()) {
      throw new EngineFault.Conflict("Container " + container.id() + " is not running");
    }
    List<Long> pids =
        CgroupLocation.ofProcess(container.state().pid())
            .orElseThrow(
                () -> new EngineFault.Conflict("Container " + container.id() + " is not running"))
            .processes();
    ProcessTable table = ProcessTable.parse(ps(psArgs, pids), pids);
    containers.events().publish(container, "top");
    return Response.json(new TopBody(table.titles(), table.processes()));
  }

  /** {@code ps <args> -q <pids>}, or without {@code -q} for options that refuse it. */
  private static String ps(String psArgs, List<Long> pids) {
    var argv = new ArrayList<String>();
    argv.add("ps");
    argv.addAll(List.of(psArgs.split(" ")));
    if (!pids.isEmpty()) {
      argv.add("-q");
      argv.add(pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    HostCommand.Result result = HostCommand.run(argv);
    if (!result.succeeded()) {
      result = HostCommand.run(argv.subList(0, argv.size() - (pids.isEmpty() ? 0 : 2)));
    }
    if (!result.succeeded()) {
      throw new EngineFault.Internal("Error running ps: " + result.stderr().strip(), null);
    }
    return result.stdout();
  }
}

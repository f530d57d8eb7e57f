package io.jcompose.cli.endpoint;

import io.jcompose.adapter.ContainerStreams;
import io.jcompose.adapter.DockerRuntime;
import io.jcompose.adapter.Endpoint;
import io.jcompose.adapter.EndpointRequest;
import io.jcompose.adapter.Endpoints;
import io.jcompose.adapter.EngineChoice;
import io.jcompose.adapter.NoEndpointException;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.RuntimeConnector;
import io.jcompose.cli.UserException;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.Locale;

/**
 * The real endpoints: discovery in DESIGN.md §4's order through the adapter, the bundled engine
 * started on demand when discovery ends there, then a docker-java client at the negotiated API
 * version.
 */
public final class EndpointConnector implements RuntimeConnector {

  @Override
  public Connection connect(JcomposeCommand global) throws InterruptedException {
    var request =
        new EndpointRequest(
            global.host(),
            global.dockerContext(),
            EngineChoice.valueOf(global.engine().name().toUpperCase(Locale.ROOT)),
            global.context().environment());
    Endpoint endpoint;
    try {
      endpoint = Endpoints.resolve(request);
    } catch (NoEndpointException | IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCode.NO_ENDPOINT, e);
    }
    if (endpoint.origin() == Endpoint.Origin.BUNDLED) {
      BundledEngineStarter.ensureRunning(
          endpoint.socketPath().orElseThrow(), global.context().err());
    }
    DockerRuntime runtime;
    try {
      runtime = DockerRuntime.connect(endpoint, global.context().environment());
    } catch (RuntimeFault e) {
      throw new UserException(e.getMessage(), ExitCode.NO_ENDPOINT, e);
    }
    return new Opened(
        runtime,
        endpoint.uri() + " (" + endpoint.origin().description() + ")",
        publishedHost(endpoint));
  }

  /** Where a published port answers: the host of a network endpoint, else loopback. */
  private static String publishedHost(Endpoint endpoint) {
    String host = endpoint.uri().getHost();
    return endpoint.socketPath().isPresent() || host == null || host.isEmpty() ? "127.0.0.1" : host;
  }

  private record Opened(DockerRuntime docker, String description, String publishedHost)
      implements Connection {
    @Override
    public ContainerRuntime runtime() {
      return docker;
    }

    @Override
    public io.jcompose.adapter.tools.ContainerTools tools() {
      return docker.tools();
    }

    @Override
    public ContainerStreams streams() {
      return docker.streams();
    }

    @Override
    public void close() {
      docker.close();
    }
  }
}

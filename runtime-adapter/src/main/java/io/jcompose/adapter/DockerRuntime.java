package io.jcompose.adapter;

import io.jcompose.planner.spi.ContainerRuntime;
import java.util.Map;

/** Placeholder until the adapter lands. */
public abstract class DockerRuntime implements ContainerRuntime, AutoCloseable {
  public static DockerRuntime connect(Endpoint endpoint, Map<String, String> environment) {
    throw new UnsupportedOperationException("not built yet");
  }

  public abstract String apiVersion();

  @Override
  public abstract void close();
}

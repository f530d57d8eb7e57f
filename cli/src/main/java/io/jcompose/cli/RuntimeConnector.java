package io.jcompose.cli;

import io.jcompose.adapter.ContainerStreams;
import io.jcompose.planner.spi.ContainerRuntime;

/**
 * Opens the container runtime a command works on: the endpoint the global options, the environment
 * and the docker configuration name (DESIGN.md §4), or what a test gives.
 */
public interface RuntimeConnector {

  /**
   * @throws UserException with {@link ExitCode#NO_ENDPOINT} when no endpoint answers
   */
  Connection connect(JcomposeCommand global) throws InterruptedException;

  /** An open runtime; closing it closes the connection (not the runtime's containers). */
  interface Connection extends AutoCloseable {

    ContainerRuntime runtime();

    /**
     * Exec and attach with standard input, terminal resizes ({@code exec}, {@code run}, {@code
     * attach}).
     *
     * @throws UserException when this runtime has none (an in-memory test runtime)
     */
    default ContainerStreams streams() {
      throw new UserException(
          "interactive streams (exec, run, attach) are not supported on " + description());
    }

    /** Where it is, for messages: {@code unix:///var/run/docker.sock (DOCKER_HOST)}. */
    String description();

    /**
     * The host a published port is reached on, for readiness checks: loopback for a local (unix
     * socket) endpoint, the endpoint's host for a {@code tcp://} one.
     */
    default String publishedHost() {
      return "127.0.0.1";
    }

    /**
     * What {@code cp}, {@code top}, {@code stats}, {@code pause} and {@code images} need beyond the
     * SPI.
     *
     * @throws UserException when this runtime has no such tools (the in-memory test runtime)
     */
    default io.jcompose.adapter.tools.ContainerTools tools() {
      throw new UserException("this command is not supported on " + description());
    }

    @Override
    void close();
  }
}

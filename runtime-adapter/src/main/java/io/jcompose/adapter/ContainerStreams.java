package io.jcompose.adapter;

import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ExecSpec;

/**
 * The interactive side of an endpoint: exec and attach over hijacked connections (standard input
 * forwarded, output as it comes), terminal resizes, and one-off containers created to be attached
 * to. Every failure reaches the caller as a {@link io.jcompose.planner.spi.RuntimeFault}.
 */
public interface ContainerStreams {

  /**
   * Creates an exec instance ({@code POST /containers/{id}/exec}).
   *
   * @param attachStdin whether the exec will read standard input
   * @return the exec ID
   */
  String createExec(String containerIdOrName, ExecSpec spec, boolean attachStdin);

  /** Starts an exec without attaching to it ({@code exec -d}). */
  void startExecDetached(String execId) throws InterruptedException;

  /** Starts an exec and returns its hijacked connection. */
  StreamConnection startExec(String execId, boolean tty);

  /** Resizes an exec's TTY. */
  void resizeExec(String execId, TerminalSize size);

  /**
   * The exit code of an exec whose stream ended; asks again while the daemon still reports it
   * running.
   */
  int execExitCode(String execId) throws InterruptedException;

  /** How the container's standard streams were created (inspect). */
  ContainerStdio stdio(String containerIdOrName);

  /** Attaches to a container (before or after its start) and returns the hijacked connection. */
  StreamConnection attach(String containerIdOrName, AttachRequest request);

  /** Resizes a container's TTY. */
  void resizeContainer(String containerIdOrName, TerminalSize size);

  /**
   * Creates a container that a client attaches to, as {@code docker run -i} does: with {@code
   * attachStdin} it opens standard input once ({@code StdinOnce}), so the client's EOF ends it.
   *
   * @param autoRemove the daemon removes it when it exits ({@code run -d --rm})
   * @return the container ID
   */
  String createAttachable(ContainerSpec spec, boolean attachStdin, boolean autoRemove);
}

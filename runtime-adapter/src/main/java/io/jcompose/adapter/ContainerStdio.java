package io.jcompose.adapter;

/**
 * How a container's standard streams were created: what an attach must expect.
 *
 * @param tty it has a TTY (raw output rather than frames)
 * @param stdinOpen its standard input is open (an attach may forward to it)
 */
public record ContainerStdio(boolean tty, boolean stdinOpen) {}

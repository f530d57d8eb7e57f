package io.jcompose.engine.runtime;

/**
 * How conmon connects the container's standard streams.
 *
 * @param terminal conmon allocates a pty and keeps its master ({@code -t}); must match the config's
 *     {@code process.terminal}
 * @param openStdin conmon keeps the container's stdin open for attach clients ({@code -i})
 * @param leaveStdinOpen the container's stdin stays open when an attach client leaves ({@code
 *     --leave-stdin-open}); else the first client to leave closes it
 */
public record Stdio(boolean terminal, boolean openStdin, boolean leaveStdinOpen) {

  /** Output to the log only, no stdin: compose's default. */
  public static final Stdio LOG_ONLY = new Stdio(false, false);

  public Stdio(boolean terminal, boolean openStdin) {
    this(terminal, openStdin, false);
  }
}

package io.jcompose.engine.runtime;

/**
 * How conmon connects the container's standard streams.
 *
 * @param terminal conmon allocates a pty and keeps its master ({@code -t}); must match the config's
 *     {@code process.terminal}
 * @param openStdin conmon keeps the container's stdin open for attach clients ({@code -i})
 */
public record Stdio(boolean terminal, boolean openStdin) {

  /** Output to the log only, no stdin: compose's default. */
  public static final Stdio LOG_ONLY = new Stdio(false, false);
}

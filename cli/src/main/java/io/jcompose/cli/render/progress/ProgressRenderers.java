package io.jcompose.cli.render.progress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Makes the renderer for a {@code --progress} mode. */
public final class ProgressRenderers {

  /** How often the live view redraws at most. */
  public static final Duration REFRESH = Duration.ofMillis(100);

  private ProgressRenderers() {}

  /**
   * @param mode the {@code --progress} flag; {@link Mode#AUTO} picks {@link Mode#TTY} when {@code
   *     stderrIsTerminal}, else {@link Mode#PLAIN}
   * @param color whether the live view may color its lines (the other modes never do)
   * @param err standard error
   * @param stderrIsTerminal whether standard error is a terminal
   */
  public static ProgressRenderer create(
      Mode mode, boolean color, PrintWriter err, boolean stderrIsTerminal) {
    return create(mode, color, err, stderrIsTerminal, Clock.systemUTC(), REFRESH);
  }

  /**
   * As {@link #create(Mode, boolean, PrintWriter, boolean)}, with the clock that stamps and times
   * events and the live view's redraw period (tests pin both).
   */
  public static ProgressRenderer create(
      Mode mode,
      boolean color,
      PrintWriter err,
      boolean stderrIsTerminal,
      Clock clock,
      Duration refresh) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(refresh, "refresh");
    Mode resolved = mode == Mode.AUTO ? (stderrIsTerminal ? Mode.TTY : Mode.PLAIN) : mode;
    switch (resolved) {
      case TTY:
        return TtyRenderer.start(err, color, clock, refresh);
      case JSON:
        return new JsonRenderer(err, clock);
      case QUIET:
        return new PlainRenderer(err, clock, true);
      case PLAIN:
      default:
        return new PlainRenderer(err, clock, false);
    }
  }
}

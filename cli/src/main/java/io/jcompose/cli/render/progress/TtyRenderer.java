package io.jcompose.cli.render.progress;

import io.jcompose.planner.event.ProgressEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code --progress tty}: docker compose's live view. Events only update the {@link Board}; a
 * daemon thread redraws it in place at most once per refresh period (while something changed or is
 * still working), moving the cursor up over the previous frame and clearing each line it rewrites.
 * {@link #close()} stops that thread and draws the final frame.
 */
final class TtyRenderer implements ProgressRenderer {

  private static final String ESC = "\033[";

  private final PrintWriter err;
  private final boolean color;
  private final Clock clock;
  private final Duration refresh;
  private final Board board;
  private Thread refresher;
  private int drawnLines;
  private int tick;
  private boolean changed;
  private boolean closed;

  private TtyRenderer(PrintWriter err, boolean color, Clock clock, Duration refresh) {
    this.err = err;
    this.color = color;
    this.clock = clock;
    this.refresh = refresh;
    this.board = new Board(clock.instant());
  }

  /** A renderer with its refresh thread running. */
  static TtyRenderer start(PrintWriter err, boolean color, Clock clock, Duration refresh) {
    var renderer = new TtyRenderer(err, color, clock, refresh);
    var refresher = new Thread(renderer::refreshUntilClosed, "jcompose-progress");
    refresher.setDaemon(true);
    renderer.refresher = refresher;
    refresher.start();
    return renderer;
  }

  @Override
  public synchronized void accept(ProgressEvent event) {
    if (closed) {
      return;
    }
    board.apply(event, clock.instant());
    changed = true;
  }

  private void refreshUntilClosed() {
    long millis = Math.max(1, refresh.toMillis());
    try {
      while (true) {
        Thread.sleep(millis);
        synchronized (this) {
          if (closed) {
            return;
          }
          if (changed || board.working()) {
            draw();
          }
        }
      }
    } catch (InterruptedException stop) {
      // close() interrupts the thread to end it; nothing is left to do here
      Thread.currentThread().interrupt();
    }
  }

  /** Redraws the frame over the previous one. Under the lock. */
  private void draw() {
    List<String> lines = board.frame(clock.instant(), tick++, color);
    var text = new StringBuilder();
    if (drawnLines > 0) {
      text.append(ESC).append(drawnLines).append('A');
    }
    for (String line : lines) {
      text.append('\r').append(ESC).append("2K").append(line).append('\n');
    }
    if (lines.size() < drawnLines) {
      text.append(ESC).append('J');
    }
    drawnLines = lines.size();
    changed = false;
    err.print(text);
    err.flush();
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      thread = refresher;
    }
    if (thread != null) {
      thread.interrupt();
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (!board.isEmpty()) {
        draw();
      }
      err.flush();
    }
  }
}

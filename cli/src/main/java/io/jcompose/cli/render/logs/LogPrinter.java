package io.jcompose.cli.render.logs;

import io.jcompose.planner.spi.LogLine;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes containers' output the way docker compose does, to standard output:
 *
 * <pre>
 * web-1  | listening on :80
 * db-1   | 2025-01-01T00:00:00.123456789Z ready
 * web-1 exited with code 0
 * </pre>
 *
 * A container is named by its prefix, {@link #prefix(String, int) service-number}; prefixes are
 * padded to one more than the longest one {@link #register registered} (or printed) so far, and
 * each gets the next color of docker compose's palette when color is on. Each call writes whole
 * lines at once, under one lock, so lines of concurrent containers never interleave. A text holding
 * line breaks prints as several lines, each prefixed; a trailing {@code \r} or {@code \n} is
 * dropped. Thread-safe.
 */
public final class LogPrinter {

  private final PrintWriter out;
  private final boolean color;
  private final boolean prefix;
  private final boolean timestamps;
  private final Map<String, String> colors = new HashMap<>();
  private int width;

  /**
   * @param out standard output
   * @param color color the prefixes ({@code --no-color} turns it off)
   * @param prefix print the {@code web-1 | } prefix ({@code --no-log-prefix} turns it off)
   * @param timestamps print each line's time after the prefix when the line has one ({@code
   *     --timestamps}; ask the runtime for times with {@code LogOptions.timestamps})
   */
  public LogPrinter(PrintWriter out, boolean color, boolean prefix, boolean timestamps) {
    this.out = Objects.requireNonNull(out, "out");
    this.color = color;
    this.prefix = prefix;
    this.timestamps = timestamps;
  }

  /** docker compose's name for a container in logs: {@code web-1}. */
  public static String prefix(String serviceName, int containerNumber) {
    return serviceName + "-" + containerNumber;
  }

  /**
   * Makes room for a container's prefix and gives it its color. Register every container known up
   * front, in a stable order, so that the padding holds from the first line and colors do not
   * depend on which container speaks first.
   */
  public synchronized void register(String name) {
    if (!colors.containsKey(name)) {
      colors.put(name, Palette.code(colors.size()));
      width = Math.max(width, name.length());
    }
  }

  /** Prints a line (or lines) of the named container's output. */
  public void print(String name, LogLine line) {
    String text = line.text();
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    String time =
        timestamps && line.time().isPresent()
            ? DateTimeFormatter.ISO_INSTANT.format(line.time().get()) + " "
            : "";
    synchronized (this) {
      register(name);
      String head = prefix ? paint(name, pad(name) + " | ") : "";
      var lines = new StringBuilder();
      int start = 0;
      while (true) {
        int lineBreak = text.indexOf('\n', start);
        int stop = lineBreak < 0 || lineBreak > end ? end : lineBreak;
        int trimmed = stop > start && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
        lines.append(head).append(time).append(text, start, trimmed).append('\n');
        if (stop >= end) {
          break;
        }
        start = stop + 1;
      }
      write(lines.toString());
    }
  }

  /** Prints jcompose's own note about a container, after its name: {@code web-1 <text>}. */
  public synchronized void notice(String name, String text) {
    register(name);
    write(paint(name, name + " " + text) + "\n");
  }

  /** docker compose's note when a followed container stops: {@code web-1 exited with code 0}. */
  public void exited(String name, int exitCode) {
    notice(name, "exited with code " + exitCode);
  }

  /** Prints a line of jcompose's own, unprefixed: {@code Attaching to db-1, web-1}. */
  public synchronized void message(String text) {
    write(text + "\n");
  }

  /** docker compose pads to one more than the longest prefix: {@code web-1 | }. */
  private String pad(String name) {
    return name + " ".repeat(width + 1 - name.length());
  }

  private String paint(String name, String text) {
    return color ? Palette.paint(colors.get(name), text) : text;
  }

  private void write(String text) {
    out.print(text);
    out.flush();
  }
}

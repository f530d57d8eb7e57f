package io.jcompose.cli.render.progress;

import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.spi.ImageProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the live view shows: a line per plan node that started (and per service {@code up --wait}
 * waits for), in the order they started, with its image layers below it, and the warnings above the
 * header. Not thread-safe: {@link TtyRenderer} calls it under its lock.
 *
 * <pre>
 * [+] Running 2/3
 *  ✔ Network demo_default  Created                                        0.1s
 *  ✔ Container demo-db-1   Healthy                                        2.3s
 *  ⠹ Image busybox         Pulling                                        1.0s
 *    ⠹ a1b2c3d4e5f6 Downloading [=======>            ] 1.2MB/3MB
 * </pre>
 */
final class Board {

  private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
  private static final String DONE_ICON = "✔";
  private static final String ERROR_ICON = "✘";
  private static final String GREEN = "\033[32m";
  private static final String RED = "\033[31m";
  private static final String YELLOW = "\033[33m";
  private static final String RESET = "\033[0m";
  private static final int BAR_WIDTH = 20;

  private enum State {
    WORKING,
    DONE,
    FAILED
  }

  private static final class Entry {
    final String label;
    final Instant started;
    final Map<String, Layer> layers = new LinkedHashMap<>();
    String status;
    String detail = "";
    State state = State.WORKING;
    Duration elapsed;

    Entry(String label, String status, Instant started) {
      this.label = label;
      this.status = status;
      this.started = started;
    }
  }

  private static final class Layer {
    String status;
    long current;
    long total;
  }

  private final ResourceWords words = new ResourceWords();
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final Instant began;

  Board(Instant began) {
    this.began = began;
  }

  void apply(ProgressEvent event, Instant now) {
    if (event instanceof ProgressEvent.Started started) {
      PlanNode node = started.node();
      words.learn(node.operation());
      entries.put(
          key(node),
          new Entry(words.label(node.operation()), ResourceWords.working(node.operation()), now));
    } else if (event instanceof ProgressEvent.Finished finished) {
      Entry entry = entry(finished.node(), now);
      entry.state = State.DONE;
      entry.status = ResourceWords.done(finished.node().operation());
      entry.detail = "";
      entry.elapsed = finished.elapsed();
    } else if (event instanceof ProgressEvent.Failed failed) {
      Entry entry = entry(failed.node(), now);
      entry.state = State.FAILED;
      entry.status = "Error";
      entry.detail = failed.message();
      entry.elapsed = Duration.between(entry.started, now);
    } else if (event instanceof ProgressEvent.Waiting waiting) {
      entry(waiting.node(), now).detail = "(" + waiting.state() + ")";
    } else if (event instanceof ProgressEvent.ServiceWaiting waiting) {
      String label = "Service " + waiting.serviceName();
      entries.computeIfAbsent(label, key -> new Entry(label, "Waiting", now)).detail =
          "(" + waiting.state() + ")";
    } else if (event instanceof ProgressEvent.ServiceReady ready) {
      String label = "Service " + ready.serviceName();
      Entry entry = entries.computeIfAbsent(label, key -> new Entry(label, "Ready", now));
      entry.status = "Ready";
      entry.detail = "";
      entry.state = State.DONE;
      entry.elapsed = Duration.between(entry.started, now);
    } else if (event instanceof ProgressEvent.Image image) {
      layer(entry(image.node(), now), image.progress());
    } else if (event instanceof ProgressEvent.Warning warning) {
      long seconds = Math.max(0, Duration.between(began, now).toSeconds());
      warnings.add(String.format(Locale.ROOT, "WARN[%04d] %s", seconds, warning.message()));
    }
    // a skipped node never started: the failure that stopped it has its line already
  }

  private static String key(PlanNode node) {
    return "#" + node.id();
  }

  /** The node's entry; one that reports before it started gets one now. */
  private Entry entry(PlanNode node, Instant now) {
    return entries.computeIfAbsent(
        key(node),
        key ->
            new Entry(words.label(node.operation()), ResourceWords.working(node.operation()), now));
  }

  private static void layer(Entry entry, ImageProgress progress) {
    if (progress.id().isEmpty()) {
      entry.detail = progress.status();
      return;
    }
    Layer layer = entry.layers.computeIfAbsent(progress.id(), id -> new Layer());
    layer.status = progress.status();
    layer.current = progress.current();
    layer.total = progress.total();
  }

  /** Whether a line is still working (its spinner and time move). */
  boolean working() {
    for (Entry entry : entries.values()) {
      if (entry.state == State.WORKING) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return entries.isEmpty() && warnings.isEmpty();
  }

  /**
   * The lines to draw, without line breaks.
   *
   * @param tick which spinner frame working lines show
   */
  List<String> frame(Instant now, int tick, boolean color) {
    var lines = new ArrayList<String>();
    for (String warning : warnings) {
      lines.add(paint(color, YELLOW, warning));
    }
    int done = 0;
    int labelWidth = 0;
    int statusWidth = 0;
    for (Entry entry : entries.values()) {
      done += entry.state == State.DONE ? 1 : 0;
      labelWidth = Math.max(labelWidth, entry.label.length());
      statusWidth = Math.max(statusWidth, statusText(entry).length());
    }
    if (entries.isEmpty()) {
      return lines;
    }
    lines.add("[+] Running " + done + "/" + entries.size());
    String spinner = String.valueOf(SPINNER.charAt(Math.floorMod(tick, SPINNER.length())));
    for (Entry entry : entries.values()) {
      Duration elapsed =
          entry.elapsed != null ? entry.elapsed : Duration.between(entry.started, now);
      String icon;
      String paint;
      switch (entry.state) {
        case DONE:
          icon = DONE_ICON;
          paint = GREEN;
          break;
        case FAILED:
          icon = ERROR_ICON;
          paint = RED;
          break;
        default:
          icon = spinner;
          paint = null;
      }
      lines.add(
          " "
              + paint(color, paint, icon)
              + " "
              + pad(entry.label, labelWidth)
              + "  "
              + paint(color, paint, pad(statusText(entry), statusWidth))
              + "  "
              + String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0));
      for (Map.Entry<String, Layer> layer : entry.layers.entrySet()) {
        lines.add(layerLine(layer.getKey(), layer.getValue(), spinner, color));
      }
    }
    return lines;
  }

  private static String statusText(Entry entry) {
    return entry.detail.isEmpty() ? entry.status : entry.status + " " + entry.detail;
  }

  private static String layerLine(String id, Layer layer, String spinner, boolean color) {
    boolean complete =
        layer.status.equals("Pull complete")
            || layer.status.equals("Already exists")
            || layer.status.equals("Pushed")
            || layer.status.equals("Layer already exists");
    var line = new StringBuilder("   ");
    line.append(complete ? paint(color, GREEN, DONE_ICON) : spinner)
        .append(' ')
        .append(id)
        .append(' ')
        .append(layer.status);
    if (!complete && layer.total > 0 && layer.current >= 0) {
      line.append(' ')
          .append(bar(layer.current, layer.total))
          .append(' ')
          .append(ByteSize.format(layer.current))
          .append('/')
          .append(ByteSize.format(layer.total));
    }
    return line.toString();
  }

  /** docker's bar: {@code [=====> ]}. */
  static String bar(long current, long total) {
    int filled = (int) Math.min(BAR_WIDTH, current * BAR_WIDTH / total);
    var bar = new StringBuilder("[");
    if (filled >= BAR_WIDTH) {
      bar.append("=".repeat(BAR_WIDTH));
    } else if (filled > 0) {
      bar.append("=".repeat(filled - 1)).append('>');
    }
    return bar.append(" ".repeat(BAR_WIDTH - Math.min(BAR_WIDTH, filled))).append(']').toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String paint(boolean color, String code, String text) {
    return color && code != null ? code + text + RESET : text;
  }
}

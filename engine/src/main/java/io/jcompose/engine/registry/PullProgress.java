package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.JsonLinesProducer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Docker's pull and push progress stream: {@code {"status":"Downloading","progressDetail":{
 * "current":1,"total":2},"progress":"[=> ]","id":"<12 hex>"}} lines, written one at a time however
 * many layers transfer at once.
 */
final class PullProgress {

  private static final int BAR_WIDTH = 50;
  private static final long DOWNLOAD_STEP = 512 * 1024;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Line(
      @JsonProperty("status") String status,
      @JsonProperty("progressDetail") Detail progressDetail,
      @JsonProperty("progress") String progress,
      @JsonProperty("id") String id) {}

  record AuxLine(
      @JsonProperty("progressDetail") Detail progressDetail, @JsonProperty("aux") Object aux) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Detail(@JsonProperty("current") Long current, @JsonProperty("total") Long total) {}

  private final JsonLinesProducer.JsonLines out;

  PullProgress(JsonLinesProducer.JsonLines out) {
    this.out = out;
  }

  /** A line about the whole pull ({@code Digest: sha256:...}). */
  void status(String status) {
    write(new Line(status, null, null, null));
  }

  void status(String status, String id) {
    write(new Line(status, null, null, id));
  }

  /** A line about one layer ({@code Pull complete}). */
  void layer(Descriptor layer, String status) {
    layer(layer.shortId(), status);
  }

  /** A line about one layer by its short id ({@code Pushed}). */
  void layer(String id, String status) {
    write(new Line(status, new Detail(null, null), null, id));
  }

  record ErrorLine(
      @JsonProperty("errorDetail") java.util.Map<String, String> errorDetail,
      @JsonProperty("error") String error) {}

  /** The error line that ends a stream that failed. */
  void error(String message) {
    write(new ErrorLine(java.util.Map.of("message", message), message));
  }

  /** An {@code aux} line ({@code {"progressDetail":{},"aux":{"Tag":...}}}). */
  void aux(Object aux) {
    write(new AuxLine(new Detail(null, null), aux));
  }

  /** Tells how far a download got; writes a line every half MiB and at the end. */
  TransferReporter downloads(Descriptor layer) {
    return new TransferReporter(layer.shortId(), "Downloading", layer.size());
  }

  /** Tells how far an upload got ({@code Pushing}). */
  TransferReporter uploads(String id, long total) {
    return new TransferReporter(id, "Pushing", total);
  }

  final class TransferReporter implements java.util.function.LongConsumer {
    private final String id;
    private final String status;
    private final long total;
    private long reported;

    private TransferReporter(String id, String status, long total) {
      this.id = id;
      this.status = status;
      this.total = total;
    }

    @Override
    public void accept(long current) {
      if (current - reported < DOWNLOAD_STEP && current != total) {
        return;
      }
      reported = current;
      write(new Line(status, new Detail(current, total), bar(current, total), id));
    }
  }

  private static String bar(long current, long total) {
    int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, current * BAR_WIDTH / total);
    var bar = new StringBuilder("[");
    for (int i = 0; i < BAR_WIDTH; i++) {
      bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
    }
    return bar.append("] ").append(size(current)).append('/').append(size(total)).toString();
  }

  private static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + "B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.3g%s", value, units[unit]);
  }

  private void write(Object line) {
    synchronized (out) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package io.jcompose.engine.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.http.JsonLinesProducer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The progress stream of a build, as dockerd's classic builder writes it: {@code {"stream":...}}
 * lines (steps, results, RUN output), pull progress as it comes, {@code {"aux":{"ID":...}}} and
 * {@code Successfully built/tagged} at the end, and an error line for a failure. Quiet builds
 * ({@code q=1}) write only the image id, and errors.
 */
final class BuildOutput {

  record StreamLine(@JsonProperty("stream") String stream) {}

  record AuxLine(@JsonProperty("aux") Map<String, String> aux) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ErrorDetail(@JsonProperty("code") Integer code, @JsonProperty("message") String message) {}

  record ErrorLine(
      @JsonProperty("errorDetail") ErrorDetail errorDetail, @JsonProperty("error") String error) {}

  private final JsonLinesProducer.JsonLines out;
  private final boolean quiet;
  private final boolean results;

  BuildOutput(JsonLinesProducer.JsonLines out, boolean quiet) {
    this(out, quiet, true);
  }

  private BuildOutput(JsonLinesProducer.JsonLines out, boolean quiet, boolean results) {
    this.out = out;
    this.quiet = quiet;
    this.results = results;
  }

  /**
   * The same output without the {@code ---> id} lines: ONBUILD triggers run inside their FROM step,
   * which reports one image at the end, as dockerd does.
   */
  BuildOutput withoutResults() {
    return new BuildOutput(out, quiet, false);
  }

  /** An output that writes nothing (for work whose progress the client does not see). */
  static BuildOutput silent() {
    return new BuildOutput(item -> {}, true);
  }

  /** {@code Step 2/5 : LABEL a=b} (dockerd writes the newline as its own line). */
  void step(int number, int total, String text) throws IOException {
    text("Step " + number + "/" + total + " : " + text);
    text("\n");
  }

  void text(String text) throws IOException {
    if (!quiet) {
      out.write(new StreamLine(text));
    }
  }

  /** An object of another stream (a pull's progress) passed on as it is. */
  void passOn(Object item) throws IOException {
    if (!quiet) {
      out.write(item);
    }
  }

  /** {@code ---> 1ab40e1090ce}: the image a step made or found. */
  void result(Digest image) throws IOException {
    if (!results) {
      return;
    }
    text(" ---> " + image.shortHex() + "\n");
  }

  void built(Digest image, Iterable<String> tags) throws IOException {
    var aux = new LinkedHashMap<String, String>();
    aux.put("ID", image.toString());
    out.write(new AuxLine(aux));
    if (quiet) {
      out.write(new StreamLine(image + "\n"));
      return;
    }
    text("Successfully built " + image.shortHex() + "\n");
    for (String tag : tags) {
      text("Successfully tagged " + tag + "\n");
    }
  }

  void error(String message, Integer code) throws IOException {
    out.write(new ErrorLine(new ErrorDetail(code, message), message));
  }
}

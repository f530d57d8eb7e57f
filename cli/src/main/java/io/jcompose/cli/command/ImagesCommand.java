package io.jcompose.cli.command;

import io.jcompose.adapter.tools.ImageDetails;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.JsonLine;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jcompose images}: the image of each of the project's containers (CONTAINER REPOSITORY TAG
 * IMAGE ID SIZE), their IDs with {@code -q}, or a JSON array with {@code --format json}.
 */
public final class ImagesCommand {

  static final Option QUIET = Option.flag("Only display IDs.", "-q", "--quiet");
  static final Option FORMAT =
      Option.value("FORMAT", "Format the output: table or json.", "--format")
          .withAllowedValues(List.of("table", "json"))
          .withDefault("table");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "images",
          "List images used by the created containers.",
          List.of(Option.help(), QUIET, FORMAT),
          List.of(Positional.any("SERVICE", "Only these services.")));

  /** One container's image. */
  private record Row(String container, String repository, String tag, String id, long size) {}

  private final JcomposeCommand global;
  private final Values line;

  public ImagesCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      var rows = new ArrayList<Row>();
      for (ContainerSummary container : ServiceContainers.of(session, services, true, false)) {
        String imageId = container.imageId().isEmpty() ? container.image() : container.imageId();
        Optional<ImageDetails> image = session.tools().image(imageId);
        if (image.isPresent()) {
          rows.add(row(container, image.get()));
        }
      }
      print(rows, global.context().out());
      return ExitCode.OK;
    }
  }

  /** The container's image as named by the container (its tag), else by the image's first tag. */
  private static Row row(ContainerSummary container, ImageDetails image) {
    String reference = container.image();
    if (reference.startsWith("sha256:") || !image.repoTags().contains(withTag(reference))) {
      reference = image.repoTags().isEmpty() ? "" : image.repoTags().get(0);
    } else {
      reference = withTag(reference);
    }
    String repository = "";
    String tag = "";
    int colon = reference.lastIndexOf(':');
    if (colon > reference.lastIndexOf('/')) {
      repository = reference.substring(0, colon);
      tag = reference.substring(colon + 1);
    } else {
      repository = reference;
    }
    return new Row(container.name(), repository, tag, image.id(), image.size());
  }

  private static String withTag(String reference) {
    int slash = reference.lastIndexOf('/');
    return reference.indexOf(':', slash + 1) >= 0 || reference.contains("@")
        ? reference
        : reference + ":latest";
  }

  private void print(List<Row> rows, PrintWriter out) {
    if (line.has(QUIET)) {
      var ids = new LinkedHashSet<String>();
      rows.forEach(row -> ids.add(withoutAlgorithm(row.id())));
      ids.forEach(out::println);
      return;
    }
    if (line.value(FORMAT).orElse("table").equals("json")) {
      var objects = new ArrayList<Object>();
      for (Row row : rows) {
        var object = new LinkedHashMap<String, Object>();
        object.put("ID", row.id());
        object.put("ContainerName", row.container());
        object.put("Repository", row.repository());
        object.put("Tag", row.tag());
        object.put("Size", row.size());
        objects.add(object);
      }
      out.println(JsonLine.write(objects));
      return;
    }
    var cells = new ArrayList<List<String>>();
    for (Row row : rows) {
      String id = withoutAlgorithm(row.id());
      cells.add(
          List.of(
              row.container(),
              row.repository().isEmpty() ? "<none>" : row.repository(),
              row.tag().isEmpty() ? "<none>" : row.tag(),
              id.length() > 12 ? id.substring(0, 12) : id,
              ByteUnits.decimal(row.size())));
    }
    TabColumns.print(
        TabColumns.withHeaders(
            List.of("CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"), cells),
        20,
        out);
  }

  private static String withoutAlgorithm(String id) {
    int colon = id.indexOf(':');
    return colon >= 0 ? id.substring(colon + 1) : id;
  }
}

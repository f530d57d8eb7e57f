package io.jcompose.engine.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares a body with a real dockerd body (from {@code shared/docker-api/samples}) field by field:
 * each field the sample has must be there with the same JSON type (a {@code null} in the sample
 * allows anything, an array or object in the sample also allows {@code null}). Objects whose keys
 * are data (labels, ports, networks) are compared by their values' shape only.
 */
final class Shapes {

  /** Objects keyed by data, not by field names. */
  private static final Set<String> MAPS =
      Set.of("Labels", "Ports", "Networks", "ExposedPorts", "Volumes", "Data", "Config", "Tmpfs");

  private Shapes() {}

  static JsonNode sample(String name) {
    Path samples =
        Path.of(System.getProperty("jcompose.shared", "/work/shared"), "docker-api", "samples");
    try {
      return new ObjectMapper().readTree(samples.resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every mismatch, as {@code path: expected ... got ...}; empty when the shapes agree. */
  static List<String> differences(JsonNode sample, JsonNode actual) {
    var differences = new ArrayList<String>();
    compare("", sample, actual, false, differences);
    return differences;
  }

  private static void compare(
      String path, JsonNode sample, JsonNode actual, boolean keyedByData, List<String> out) {
    if (sample == null || sample.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (actual.isNull() && (sample.isArray() || sample.isObject())) {
      return;
    }
    if (sample.getNodeType() != actual.getNodeType()) {
      out.add(path + ": expected " + sample.getNodeType() + " got " + actual.getNodeType());
      return;
    }
    if (sample.isObject()) {
      if (keyedByData) {
        Iterator<JsonNode> values = sample.elements();
        if (values.hasNext()) {
          JsonNode shape = values.next();
          actual
              .fields()
              .forEachRemaining(
                  field ->
                      compare(path + "." + field.getKey(), shape, field.getValue(), false, out));
        }
        return;
      }
      sample
          .fields()
          .forEachRemaining(
              field ->
                  compare(
                      path + "." + field.getKey(),
                      field.getValue(),
                      actual.get(field.getKey()),
                      MAPS.contains(field.getKey())
                          && !(path.isEmpty() && field.getKey().equals("Config")),
                      out));
    } else if (sample.isArray() && sample.size() > 0) {
      for (JsonNode element : actual) {
        compare(path + "[]", sample.get(0), element, false, out);
      }
    }
  }
}

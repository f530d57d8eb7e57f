package io.jcompose.engine.image;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code filters} of {@code GET /images/json}.
 *
 * @param references glob patterns ({@code busy*}, {@code busybox:1.*}) matched against a
 *     reference's familiar form or name; an image matches when one of its references does, and is
 *     listed with the matching references only
 * @param dangling when present: only images without tags ({@code true}) or only tagged ones
 * @param labels {@code key} or {@code key=value}; an image must have all of them
 * @param before only images created before the image this references
 * @param since only images created after the image this references
 */
public record ImageFilter(
    List<String> references,
    Optional<Boolean> dangling,
    List<String> labels,
    Optional<String> before,
    Optional<String> since) {

  public static final ImageFilter ALL =
      new ImageFilter(List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());

  public ImageFilter {
    references = List.copyOf(references);
    Objects.requireNonNull(dangling, "dangling");
    labels = List.copyOf(labels);
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(since, "since");
  }

  /**
   * Reads the filters as the API sends them, each key with its values.
   *
   * @throws EngineFault.InvalidArgument for an unknown key or a bad {@code dangling} value, in
   *     dockerd's words
   */
  public static ImageFilter parse(Map<String, List<String>> filters) {
    Optional<Boolean> dangling = Optional.empty();
    Optional<String> before = Optional.empty();
    Optional<String> since = Optional.empty();
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      List<String> values = filter.getValue();
      switch (filter.getKey()) {
        case "reference", "label" -> {}
        case "dangling" -> dangling = Optional.of(parseDangling(values));
        case "before" -> before = last(values);
        case "since" -> since = last(values);
        default ->
            throw new EngineFault.InvalidArgument("invalid filter '" + filter.getKey() + "'");
      }
    }
    return new ImageFilter(
        filters.getOrDefault("reference", List.of()),
        dangling,
        filters.getOrDefault("label", List.of()),
        before,
        since);
  }

  private static boolean parseDangling(List<String> values) {
    boolean result = false;
    for (String value : values) {
      switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "1" -> result = true;
        case "false", "0" -> result = false;
        default ->
            throw new EngineFault.InvalidArgument(
                "invalid filter 'dangling=" + value + "': expected true or false");
      }
    }
    return result;
  }

  private static Optional<String> last(List<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }
}

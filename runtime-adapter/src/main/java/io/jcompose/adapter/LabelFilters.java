package io.jcompose.adapter;

import io.jcompose.planner.spi.LabelFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link LabelFilter} as the daemon's {@code label} filter values. */
final class LabelFilters {

  private LabelFilters() {}

  /** {@code key} for a label that must be present, {@code key=value} for one that must match. */
  static List<String> values(LabelFilter filter) {
    var values = new ArrayList<String>();
    for (var label : filter.labels().entrySet()) {
      Optional<String> value = label.getValue();
      values.add(value.map(wanted -> label.getKey() + "=" + wanted).orElse(label.getKey()));
    }
    values.sort(null);
    return values;
  }
}

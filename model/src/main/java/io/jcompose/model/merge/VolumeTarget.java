package io.jcompose.model.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * The container path of a short-syntax service volume, {@code [SOURCE:]TARGET[:OPTIONS]}. A Windows
 * drive letter ({@code C:\data}) and a {@code ${...}} expression do not split a field.
 */
final class VolumeTarget {

  private VolumeTarget() {}

  static String of(String spec) {
    if (spec.length() <= 2) {
      return spec;
    }
    List<String> fields = fields(spec);
    return fields.size() == 1 ? fields.get(0) : fields.get(1);
  }

  private static List<String> fields(String spec) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    int openExpressions = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
        openExpressions++;
      } else if (c == '}' && openExpressions > 0) {
        openExpressions--;
      } else if (c == ':' && openExpressions == 0 && !isDriveLetter(field)) {
        fields.add(field.toString());
        field.setLength(0);
        continue;
      }
      field.append(c);
    }
    fields.add(field.toString());
    return fields;
  }

  private static boolean isDriveLetter(StringBuilder field) {
    return field.length() == 1 && Character.isLetter(field.charAt(0));
  }
}

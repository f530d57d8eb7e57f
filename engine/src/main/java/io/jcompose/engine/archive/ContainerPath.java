package io.jcompose.engine.archive;

import java.util.ArrayList;
import java.util.List;

/** Lexical handling of absolute paths inside a container: {@code /a/./b/../c} is {@code /a/c}. */
final class ContainerPath {

  private ContainerPath() {}

  /** The cleaned absolute path; {@code ..} stops at the root. */
  static String normalize(String path) {
    return "/" + String.join("/", components(path));
  }

  static List<String> components(String path) {
    var parts = new ArrayList<String>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return parts;
  }

  static String join(List<String> components) {
    return "/" + String.join("/", components);
  }
}

package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tar entry's name inside a layer, normalised ({@code ./bin/sh} and {@code bin//sh} are {@code
 * bin/sh}) and checked: never absolute, never {@code ..}, so resolving it against the layer
 * directory cannot name a path outside it. An empty list of components is the layer root.
 */
record EntryName(List<String> components) {

  EntryName {
    components = List.copyOf(components);
  }

  /**
   * @param what how the caller refers to the name in an error ("layer entry", "hard link target")
   * @throws EngineFault.InvalidArgument quoting the raw name when it is absolute or has {@code ..}
   */
  static EntryName parse(String raw, String what) {
    if (raw.indexOf('\0') >= 0) {
      throw refused(what, raw, "it contains a NUL character");
    }
    if (raw.startsWith("/")) {
      throw refused(what, raw, "absolute names are not allowed in a layer");
    }
    var components = new ArrayList<String>();
    for (String component : raw.split("/")) {
      if (component.equals("..")) {
        throw refused(what, raw, "'..' would leave the layer directory");
      }
      if (!component.isEmpty() && !component.equals(".")) {
        components.add(component);
      }
    }
    return new EntryName(components);
  }

  static EngineFault.InvalidArgument refused(String what, String raw, String reason) {
    return new EngineFault.InvalidArgument(what + " \"" + raw + "\" is refused: " + reason);
  }

  boolean isRoot() {
    return components.isEmpty();
  }

  String fileName() {
    return components.get(components.size() - 1);
  }

  EntryName parent() {
    return new EntryName(components.subList(0, components.size() - 1));
  }

  EntryName child(String name) {
    var longer = new ArrayList<>(components);
    longer.add(name);
    return new EntryName(longer);
  }

  Path resolveIn(Path root) {
    Path path = root;
    for (String component : components) {
      path = path.resolve(component);
    }
    return path;
  }

  @Override
  public String toString() {
    return components.isEmpty() ? "." : String.join("/", components);
  }
}

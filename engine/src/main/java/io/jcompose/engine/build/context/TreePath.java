package io.jcompose.engine.build.context;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A path below the root of a tree, cleaned as Go's {@code filepath.Clean} cleans it ({@code
 * ./a//b/} is {@code a/b}, a leading {@code /} is dropped, {@code a/../b} is {@code b}). An empty
 * list of components is the root itself.
 */
record TreePath(List<String> components) {

  static final TreePath ROOT = new TreePath(List.of());

  TreePath {
    components = List.copyOf(components);
  }

  /** {@code raw} cleaned; empty when its {@code ..} climbs above the root (or it has a NUL). */
  static Optional<TreePath> clean(String raw) {
    if (raw.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    var components = new ArrayList<String>();
    for (String component : raw.split("/")) {
      if (component.isEmpty() || component.equals(".")) {
        continue;
      }
      if (component.equals("..")) {
        if (components.isEmpty()) {
          return Optional.empty();
        }
        components.remove(components.size() - 1);
        continue;
      }
      components.add(component);
    }
    return Optional.of(new TreePath(components));
  }

  /** {@code raw} cleaned as an absolute path: {@code ..} stops at the root, as in a chroot. */
  static TreePath cleanWithin(String raw) {
    var components = new ArrayList<String>();
    for (String component : raw.split("/")) {
      if (component.equals("..")) {
        if (!components.isEmpty()) {
          components.remove(components.size() - 1);
        }
      } else if (!component.isEmpty() && !component.equals(".")) {
        components.add(component);
      }
    }
    return new TreePath(components);
  }

  /** The path as an absolute one: {@code /} for the root. */
  String absolute() {
    return "/" + String.join("/", components);
  }

  boolean isRoot() {
    return components.isEmpty();
  }

  String fileName() {
    return components.get(components.size() - 1);
  }

  TreePath parent() {
    return new TreePath(components.subList(0, components.size() - 1));
  }

  TreePath child(String name) {
    var longer = new ArrayList<>(components);
    longer.add(name);
    return new TreePath(longer);
  }

  Path in(Path root) {
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

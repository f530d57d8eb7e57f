package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.RootedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code --chown=user[:group]}: ids or names, the names looked up in the image's {@code
 * /etc/passwd} and {@code /etc/group} when the step is applied. Without a group, a numeric user
 * gives the same number as group; a name gives the group of the same name (dockerd's rules), else
 * the user's primary group (BuildKit's, where dockerd 20.10 fails).
 */
record ChownSpec(String user, Optional<String> group) {

  ChownSpec {
    if (user.isEmpty()) {
      throw new IllegalArgumentException("a chown needs a user");
    }
  }

  /**
   * @throws EngineFault.InvalidArgument for a malformed value, quoting it
   */
  static ChownSpec parse(String raw, String command) {
    String[] parts = raw.split(":", -1);
    if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
      throw new EngineFault.InvalidArgument(
          command + " failed: invalid chown string format: " + raw);
    }
    return new ChownSpec(parts[0], parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
  }

  @Override
  public String toString() {
    return user + group.map(name -> ":" + name).orElse("");
  }

  /**
   * The ids in the image rooted at {@code root}.
   *
   * @throws EngineFault.InvalidArgument naming a user or group the image does not know
   */
  Owner resolve(Path root) {
    Optional<Integer> numericUser = number(user);
    List<String[]> users = numericUser.isPresent() ? List.of() : entries(root, "passwd");
    String[] userEntry = numericUser.isPresent() ? null : find(users, user);
    if (numericUser.isEmpty() && userEntry == null) {
      throw unknown("uid for user", user, "passwd");
    }
    int userId = numericUser.orElseGet(() -> field(userEntry, 2));
    int groupId;
    if (group.isPresent()) {
      groupId =
          groupId(root, group.get())
              .orElseThrow(() -> unknown("gid for group", group.get(), "group"));
    } else if (numericUser.isPresent()) {
      groupId = userId;
    } else {
      groupId = groupId(root, user).orElseGet(() -> field(userEntry, 3));
    }
    return new Owner(userId, groupId);
  }

  private static Optional<Integer> groupId(Path root, String name) {
    Optional<Integer> numeric = number(name);
    if (numeric.isPresent()) {
      return numeric;
    }
    String[] entry = find(entries(root, "group"), name);
    return entry == null ? Optional.empty() : Optional.of(field(entry, 2));
  }

  private static List<String[]> entries(Path root, String file) {
    Path path = RootedPath.inRoot(root, new TreePath(List.of("etc", file)).components());
    try {
      return Files.readAllLines(path).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split(":", -1))
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read /etc/" + file + " of the image", e);
    }
  }

  private static String[] find(List<String[]> entries, String name) {
    return entries.stream()
        .filter(entry -> entry.length > 3 && entry[0].equals(name) && number(entry[2]).isPresent())
        .findFirst()
        .orElse(null);
  }

  private static int field(String[] entry, int index) {
    return number(entry[index]).orElseThrow();
  }

  private static Optional<Integer> number(String text) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long value = Long.parseLong(text);
    return value > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) value);
  }

  private static EngineFault.InvalidArgument unknown(String what, String name, String file) {
    return new EngineFault.InvalidArgument(
        "unable to convert uid/gid chown string to host mapping: can't find "
            + what
            + " "
            + name
            + ": no such "
            + (file.equals("passwd") ? "user" : "group")
            + ": "
            + name);
  }
}

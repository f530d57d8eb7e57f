package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entries of a root filesystem's {@code /etc/passwd} and {@code /etc/group}. A file whose real
 * path lies outside the root filesystem (an image's absolute symbolic link, which would name a path
 * on the host) is treated as absent.
 */
final class UserDatabase {

  record PasswdEntry(String name, long uid, long gid, String home) {}

  record GroupEntry(String name, long gid, List<String> members) {}

  private final List<PasswdEntry> users;
  private final List<GroupEntry> groups;

  private UserDatabase(List<PasswdEntry> users, List<GroupEntry> groups) {
    this.users = users;
    this.groups = groups;
  }

  static UserDatabase of(Path rootfs) {
    var users = new ArrayList<PasswdEntry>();
    for (String[] fields : records(rootfs, rootfs.resolve("etc/passwd"), 7)) {
      parseId(fields[2])
          .ifPresent(
              uid ->
                  parseId(fields[3])
                      .ifPresent(
                          gid -> users.add(new PasswdEntry(fields[0], uid, gid, fields[5]))));
    }
    var groups = new ArrayList<GroupEntry>();
    for (String[] fields : records(rootfs, rootfs.resolve("etc/group"), 4)) {
      List<String> members =
          fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].trim().split(","));
      parseId(fields[2]).ifPresent(gid -> groups.add(new GroupEntry(fields[0], gid, members)));
    }
    return new UserDatabase(List.copyOf(users), List.copyOf(groups));
  }

  Optional<PasswdEntry> userByName(String name) {
    return users.stream().filter(user -> user.name().equals(name)).findFirst();
  }

  Optional<PasswdEntry> userById(long uid) {
    return users.stream().filter(user -> user.uid() == uid).findFirst();
  }

  Optional<GroupEntry> groupByName(String name) {
    return groups.stream().filter(group -> group.name().equals(name)).findFirst();
  }

  List<GroupEntry> groupsListing(String userName) {
    return groups.stream().filter(group -> group.members().contains(userName)).toList();
  }

  /** The colon-separated lines with at least {@code fieldCount} fields; comments are skipped. */
  private static List<String[]> records(Path rootfs, Path file, int fieldCount) {
    List<String> lines;
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(rootfs.toRealPath()) || !Files.isRegularFile(real)) {
        return List.of();
      }
      lines = Files.readAllLines(real, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + file + ": " + e.getMessage(), e);
    }
    var records = new ArrayList<String[]>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(":", -1);
      if (fields.length >= fieldCount) {
        records.add(fields);
      }
    }
    return records;
  }

  private static Optional<Long> parseId(String text) {
    try {
      long id = Long.parseLong(text.trim());
      return id < 0 ? Optional.empty() : Optional.of(id);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

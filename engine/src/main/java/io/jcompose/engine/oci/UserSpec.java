package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as Docker's {@code User} setting gives it: {@code user[:group]}, each part a number or a
 * name to be looked up in the container's own {@code /etc/passwd} and {@code /etc/group}.
 *
 * @param user a uid or a user name
 * @param group a gid or a group name; when absent, the user's primary group from passwd (or 0)
 */
public record UserSpec(String user, Optional<String> group) {

  public static final UserSpec ROOT = new UserSpec("0", Optional.of("0"));

  public UserSpec {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(group, "group");
    if (user.isEmpty() || user.contains(":")) {
      throw new EngineFault.InvalidArgument("invalid user \"" + user + "\"");
    }
    if (group.isPresent() && (group.get().isEmpty() || group.get().contains(":"))) {
      throw new EngineFault.InvalidArgument("invalid group \"" + group.get() + "\"");
    }
  }

  /**
   * Parses {@code uid}, {@code uid:gid}, {@code name}, {@code name:group}; empty means root.
   *
   * @throws EngineFault.InvalidArgument quoting the text
   */
  public static UserSpec parse(String text) {
    if (text.isEmpty()) {
      return ROOT;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new UserSpec(text, Optional.empty());
    }
    if (colon == 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      throw new EngineFault.InvalidArgument(
          "invalid user \"" + text + "\"; expected user[:group] with names or numbers");
    }
    return new UserSpec(text.substring(0, colon), Optional.of(text.substring(colon + 1)));
  }

  /**
   * The numeric identity inside a root filesystem, as runc's own lookup does it: a named user must
   * be in {@code /etc/passwd}; a numeric one need not be. Without an explicit group the user's
   * primary group applies and the groups that list the user as a member are added.
   *
   * @throws EngineFault.InvalidArgument when a name is not found
   */
  public ProcessUser resolve(Path rootfs) {
    var database = UserDatabase.of(rootfs);
    Optional<UserDatabase.PasswdEntry> entry =
        isNumber(user) ? database.userById(Long.parseLong(user)) : database.userByName(user);
    if (entry.isEmpty() && !isNumber(user)) {
      throw new EngineFault.InvalidArgument(
          "unable to find user " + user + ": no matching entries in passwd file");
    }
    long uid = isNumber(user) ? Long.parseLong(user) : entry.get().uid();
    long gid;
    var additionalGids = new ArrayList<Long>();
    if (group.isPresent()) {
      String groupText = group.get();
      if (isNumber(groupText)) {
        gid = Long.parseLong(groupText);
      } else {
        gid =
            database
                .groupByName(groupText)
                .orElseThrow(
                    () ->
                        new EngineFault.InvalidArgument(
                            "unable to find group "
                                + groupText
                                + ": no matching entries in group"
                                + " file"))
                .gid();
      }
    } else {
      gid = entry.map(UserDatabase.PasswdEntry::gid).orElse(0L);
      if (entry.isPresent()) {
        for (var member : database.groupsListing(entry.get().name())) {
          if (member.gid() != gid && !additionalGids.contains(member.gid())) {
            additionalGids.add(member.gid());
          }
        }
      }
    }
    return new ProcessUser(
        uid, gid, List.copyOf(additionalGids), entry.map(UserDatabase.PasswdEntry::home));
  }

  @Override
  public String toString() {
    return group.map(g -> user + ":" + g).orElse(user);
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty() || text.length() > 10) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(text) <= 0xFFFF_FFFEL;
  }
}

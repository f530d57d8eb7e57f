package io.jcompose.engine.oci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The numeric identity a container process runs with.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param additionalGids supplementary groups
 * @param home the user's home directory from passwd, used for {@code HOME}
 */
public record ProcessUser(long uid, long gid, List<Long> additionalGids, Optional<String> home) {

  public ProcessUser {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("negative uid or gid: " + uid + ":" + gid);
    }
    additionalGids = List.copyOf(additionalGids);
    Objects.requireNonNull(home, "home");
  }

  /** {@code uid:gid}, as {@code runc exec --user} takes it. */
  public String uidGid() {
    return uid + ":" + gid;
  }
}

package io.jcompose.engine.build.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** A numeric owner, set on a node itself (a link is not followed). */
record Owner(int userId, int groupId) {

  static final Owner ROOT = new Owner(0, 0);

  Owner {
    if (userId < 0 || groupId < 0) {
      throw new IllegalArgumentException("owner ids must not be negative");
    }
  }

  void applyTo(Path path) throws IOException {
    Files.setAttribute(path, "unix:uid", userId, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", groupId, LinkOption.NOFOLLOW_LINKS);
  }
}

package io.jcompose.engine.volume;

import io.jcompose.engine.fault.EngineFault;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Local volume names, as dockerd allows them: a letter or digit, then letters, digits, {@code _},
 * {@code .} or {@code -}, at least two characters. So a name can never be a path ({@code ..},
 * {@code a/b}) and is safe as a directory name and a record key.
 */
final class VolumeName {

  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{1,254}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private VolumeName() {}

  /**
   * @throws EngineFault.InvalidArgument with dockerd's message for an invalid name
   */
  static String require(String name) {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new EngineFault.InvalidArgument(
          "create "
              + name
              + ": \""
              + name
              + "\" includes invalid characters for a local volume name, only"
              + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
              + " directory, use absolute path");
    }
    return name;
  }

  /** 64 hex digits, as dockerd names a volume created without a name. */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

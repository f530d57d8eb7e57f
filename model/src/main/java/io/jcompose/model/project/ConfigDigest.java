package io.jcompose.model.project;

import java.util.Objects;

/**
 * What identifies a service's configuration: the JSON that is hashed and its hash (the {@code
 * com.docker.compose.config-hash} label). The JSON lets a plan say which setting changed, not only
 * that the hash did.
 *
 * @param json the exact text hashed
 * @param hash SHA-256 of {@code json}, 64 lowercase hex digits
 */
public record ConfigDigest(String json, String hash) {

  public ConfigDigest {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(hash, "hash");
    if (!isSha256Hex(hash)) {
      throw new IllegalArgumentException("a config hash is 64 lowercase hex digits, not " + hash);
    }
  }

  private static boolean isSha256Hex(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (!((character >= '0' && character <= '9') || (character >= 'a' && character <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}

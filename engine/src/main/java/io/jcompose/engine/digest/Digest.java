package io.jcompose.engine.digest;

import io.jcompose.engine.fault.EngineFault;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A sha256 content digest, written {@code sha256:<64 lowercase hex digits>}: the name of a blob in
 * the content store, of an uncompressed layer (its diff_id) and of an image (the digest of its
 * config).
 */
public record Digest(String hex) {

  public static final String ALGORITHM = "sha256";

  private static final String PREFIX = ALGORITHM + ":";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Digest {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new EngineFault.InvalidArgument(
          "invalid sha256 digest \"" + hex + "\": expected 64 lowercase hex digits");
    }
  }

  /**
   * Parses {@code sha256:<64 hex>}.
   *
   * @throws EngineFault.InvalidArgument quoting the input when it is not of that form
   */
  public static Digest parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      int colon = text == null ? -1 : text.indexOf(':');
      String problem =
          colon > 0
              ? "unsupported digest algorithm " + text.substring(0, colon) + ", only sha256 is"
              : "expected sha256:<64 hex digits>";
      throw new EngineFault.InvalidArgument("invalid digest \"" + text + "\": " + problem);
    }
    String hex = text.substring(PREFIX.length());
    if (!HEX.matcher(hex).matches()) {
      throw new EngineFault.InvalidArgument(
          "invalid digest \"" + text + "\": expected sha256: followed by 64 lowercase hex digits");
    }
    return new Digest(hex);
  }

  /** The digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return fromHash(newMessageDigest().digest(bytes));
  }

  /** A fresh sha256 hasher, for callers that hash as they stream. */
  public static MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The digest of a finished sha256 hash (32 bytes). */
  public static Digest fromHash(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a sha256 hash has 32 bytes, not " + sha256.length);
    }
    return new Digest(HexFormat.of().formatHex(sha256));
  }

  /** The first 12 hex digits, as docker shows ids. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return PREFIX + hex;
  }
}

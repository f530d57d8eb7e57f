package io.jcompose.cli.interactive;

import java.util.Arrays;

/**
 * The key sequence that detaches from an attached container without stopping it ({@code
 * --detach-keys}, default {@code ctrl-p,ctrl-q}), in docker's syntax: comma-separated keys, each a
 * single character or {@code ctrl-<a-z|@|[|\|]|^|_>}.
 */
public final class DetachKeys {

  /** docker's default, {@code ctrl-p,ctrl-q}. */
  public static final String DEFAULT = "ctrl-p,ctrl-q";

  private final String text;
  private final byte[] sequence;

  private DetachKeys(String text, byte[] sequence) {
    this.text = text;
    this.sequence = sequence;
  }

  /**
   * @throws IllegalArgumentException {@code invalid detach keys "<text>": <reason>}
   */
  public static DetachKeys parse(String text) {
    if (text.isEmpty()) {
      throw invalid(text, "no key given");
    }
    String[] keys = text.split(",", -1);
    byte[] sequence = new byte[keys.length];
    for (int i = 0; i < keys.length; i++) {
      sequence[i] = key(text, keys[i]);
    }
    return new DetachKeys(text, sequence);
  }

  private static byte key(String text, String key) {
    if (key.length() == 1 && key.charAt(0) < 0x80) {
      return (byte) key.charAt(0);
    }
    if (key.length() == 6 && key.startsWith("ctrl-")) {
      char control = key.charAt(5);
      if (control >= 'a' && control <= 'z') {
        return (byte) (control - 'a' + 1);
      }
      int at = "@[\\]^_".indexOf(control);
      if (at >= 0) {
        return (byte) (at == 0 ? 0 : 27 + at - 1);
      }
    }
    throw invalid(text, "unknown key \"" + key + "\" (use a character or ctrl-<a-z|@|[|\\|]|^|_>)");
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid detach keys \"" + text + "\": " + reason);
  }

  /** The bytes a terminal sends for the sequence. */
  public byte[] sequence() {
    return sequence.clone();
  }

  /** As the user wrote it, for the daemon's {@code detachKeys} parameter. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text + " " + Arrays.toString(sequence);
  }
}

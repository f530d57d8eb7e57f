package io.jcompose.cli.interactive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Watches standard input for the detach keys on its way to a container: bytes that may start the
 * sequence are held back until the sequence completes (detach; they are never sent) or breaks off
 * (they are sent, late), as docker's escape proxy does.
 */
final class DetachFilter {

  private final byte[] sequence;
  private int matched;

  DetachFilter(DetachKeys keys) {
    this.sequence = keys.sequence();
  }

  /**
   * Forwards {@code length} bytes of {@code input} to {@code target}, except the detach keys.
   *
   * @return true when the sequence completed: the caller detaches, and what followed it is dropped
   */
  boolean forward(byte[] input, int length, OutputStream target) throws IOException {
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (input[i] == sequence[matched]) {
        if (matched == 0) {
          target.write(input, start, i - start);
        }
        matched++;
        start = i + 1;
        if (matched == sequence.length) {
          return true;
        }
      } else if (matched > 0) {
        target.write(sequence, 0, matched);
        matched = 0;
        start = i;
        i--; // the byte may start the sequence afresh
      }
    }
    if (matched == 0) {
      target.write(input, start, length - start);
    }
    return false;
  }
}

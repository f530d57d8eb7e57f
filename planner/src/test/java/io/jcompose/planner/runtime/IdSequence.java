package io.jcompose.planner.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Deterministic 64-hex IDs like dockerd's: the SHA-256 of a kind and its counter ({@code
 * container:1}, {@code network:4} ...), so two runtimes given the same calls hand out the same IDs
 * and test output is stable. Guarded by the runtime's lock.
 */
final class IdSequence {

  private final Map<String, Integer> counters = new HashMap<>();

  String next(String kind) {
    int number = counters.merge(kind, 1, Integer::sum);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((kind + ":" + number).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every JVM has SHA-256", missing);
    }
  }
}

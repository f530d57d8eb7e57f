package io.jcompose.engine.daemon;

import io.jcompose.engine.network.Cidr;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Host resources of a test engine's own: runtime state in the test's directory, and a random name
 * prefix for its cgroups and network objects, so it never meets a real engine's containers.
 */
final class IsolatedHost {

  private static final SecureRandom RANDOM = new SecureRandom();

  private IsolatedHost() {}

  static EngineOptions.HostResources in(Path directory) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    var prefix = new StringBuilder("d");
    for (int i = 0; i < 5; i++) {
      prefix.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return EngineOptions.HostResources.isolated(
        directory.resolve("exec"), prefix.toString(), Cidr.parse("10.240.0.0/16"));
  }
}

package io.jcompose.engine.build.dockerfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The platform the build runs on and the one it builds for, as {@code os/arch[/variant]} ({@code
 * linux/amd64}, {@code linux/arm64/v8}); they give the automatic {@code BUILDPLATFORM}, {@code
 * TARGETOS}, ... arguments.
 */
public record Platforms(String buildPlatform, String targetPlatform) {
  public Platforms {
    Objects.requireNonNull(buildPlatform, "buildPlatform");
    Objects.requireNonNull(targetPlatform, "targetPlatform");
  }

  /** Building for the platform the build runs on. */
  public static Platforms of(String platform) {
    return new Platforms(platform, platform);
  }

  /** BUILDPLATFORM, BUILDOS, BUILDARCH, BUILDVARIANT and the same four for TARGET. */
  Map<String, String> arguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    put(arguments, "BUILD", buildPlatform);
    put(arguments, "TARGET", targetPlatform);
    return arguments;
  }

  private static void put(Map<String, String> arguments, String prefix, String platform) {
    String[] parts = platform.split("/", 3);
    arguments.put(prefix + "PLATFORM", platform);
    arguments.put(prefix + "OS", parts[0]);
    arguments.put(prefix + "ARCH", parts.length > 1 ? parts[1] : "");
    arguments.put(prefix + "VARIANT", parts.length > 2 ? parts[2] : "");
  }
}

package io.jcompose.engine.http;

import java.util.Objects;

/**
 * The range of API versions the engine serves. A request above {@code max} or below {@code min} is
 * refused with dockerd's messages; an unversioned request is served at {@code max}.
 */
public record ApiVersions(ApiVersion min, ApiVersion max) {

  /** 1.24 to 1.44: 1.44 is what testcontainers asks for first, 1.24 what old clients fall to. */
  public static final ApiVersions DEFAULT =
      new ApiVersions(new ApiVersion(1, 24), new ApiVersion(1, 44));

  public ApiVersions {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "minimum API version " + min + " is above the maximum " + max);
    }
  }
}

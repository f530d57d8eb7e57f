package io.jcompose.adapter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Docker Engine API version, {@code 1.44}. */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  /** The highest level jcompose is tested with. */
  static final ApiVersion HIGHEST_TESTED = new ApiVersion(1, 44);

  /** The lowest level jcompose speaks (the Docker CLI's fallback, and what compose v1 needs). */
  static final ApiVersion LOWEST_SUPPORTED = new ApiVersion(1, 24);

  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)");

  /**
   * @throws IllegalArgumentException quoting the text when it is not {@code major.minor}
   */
  static ApiVersion parse(String text) {
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not an API version: \"" + text + "\"");
    }
    return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  boolean isBelow(ApiVersion other) {
    return compareTo(other) < 0;
  }

  static ApiVersion min(ApiVersion first, ApiVersion second) {
    return first.compareTo(second) <= 0 ? first : second;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}

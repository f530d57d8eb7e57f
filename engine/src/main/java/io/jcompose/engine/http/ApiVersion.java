package io.jcompose.engine.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Docker Engine API version such as {@code 1.44}, as written in a {@code /v1.44/} prefix. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  private static final Pattern TEXT = Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("invalid API version " + major + "." + minor);
    }
  }

  /**
   * @throws IllegalArgumentException quoting the text when it is not {@code <major>.<minor>}
   */
  public static ApiVersion parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid API version \"" + text + "\": expected <major>.<minor> such as 1.44");
    }
    return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean atLeast(int otherMajor, int otherMinor) {
    return atLeast(new ApiVersion(otherMajor, otherMinor));
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

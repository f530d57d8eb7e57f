package io.jcompose.model.project;

import java.util.regex.Pattern;

/** Recognises IP address literals without ever resolving a host name. */
public final class IpAddresses {

  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

  private IpAddresses() {}

  /** Whether {@code text} is an IPv4 or IPv6 literal (IPv6 without brackets or zone). */
  public static boolean isIp(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  static boolean isIpv4(String text) {
    return IPV4.matcher(text).matches();
  }

  static boolean isIpv6(String text) {
    if (!text.contains(":")) {
      return false;
    }
    String body = text;
    int groupsAllowed = 8;
    int lastColon = body.lastIndexOf(':');
    String tail = body.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!isIpv4(tail)) {
        return false;
      }
      body = body.substring(0, lastColon + 1) + "0";
      groupsAllowed = 7;
    }
    int doubleColon = body.indexOf("::");
    if (doubleColon >= 0 && body.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] halves =
        doubleColon >= 0
            ? new String[] {body.substring(0, doubleColon), body.substring(doubleColon + 2)}
            : new String[] {body};
    int groups = 0;
    for (String half : halves) {
      if (half.isEmpty()) {
        continue;
      }
      for (String group : half.split(":", -1)) {
        if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(IpAddresses::isHex)) {
          return false;
        }
        groups++;
      }
    }
    return doubleColon >= 0 ? groups < groupsAllowed : groups == groupsAllowed;
  }

  private static boolean isHex(int character) {
    return Character.digit(character, 16) >= 0;
  }
}

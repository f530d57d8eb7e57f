package io.jcompose.engine.network;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 address with a prefix length: {@code 10.213.0.0/24} names a subnet, {@code 10.213.0.2/24}
 * an interface address inside it. The address is held as an unsigned 32-bit value.
 */
public record Cidr(long address, int prefixLength) {

  private static final Pattern DOTTED =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  public Cidr {
    if (address < 0 || address > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an IPv4 address value: " + address);
    }
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length must be 0 to 32, got " + prefixLength);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}, or a bare {@code a.b.c.d} as a /32.
   *
   * @throws IllegalArgumentException quoting the text
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    int length;
    try {
      length = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid IPv4 CIDR \"" + text + "\"");
    }
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("invalid IPv4 CIDR \"" + text + "\"");
    }
    return new Cidr(parseAddress(host, text), length);
  }

  /** A dotted IPv4 address as an unsigned value; {@code quoted} is named in the error. */
  static long parseAddress(String dotted, String quoted) {
    var matcher = DOTTED.matcher(dotted);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("invalid IPv4 address \"" + quoted + "\"");
    }
    long value = 0;
    for (int group = 1; group <= 4; group++) {
      int octet = Integer.parseInt(matcher.group(group));
      if (octet > 255) {
        throw new IllegalArgumentException("invalid IPv4 address \"" + quoted + "\"");
      }
      value = value << 8 | octet;
    }
    return value;
  }

  public static Cidr of(Inet4Address address, int prefixLength) {
    byte[] bytes = address.getAddress();
    long value = 0;
    for (byte octet : bytes) {
      value = value << 8 | (octet & 0xFF);
    }
    return new Cidr(value, prefixLength);
  }

  /** The subnet this address lies in: host bits cleared. */
  public Cidr subnet() {
    return new Cidr(address & mask(), prefixLength);
  }

  public boolean isSubnet() {
    return (address & ~mask() & 0xFFFF_FFFFL) == 0;
  }

  /** The same address with another prefix length ({@code 10.0.0.2/24} to {@code 10.0.0.2/32}). */
  public Cidr withPrefixLength(int length) {
    return new Cidr(address, length);
  }

  public long size() {
    return 1L << (32 - prefixLength);
  }

  public long first() {
    return address & mask();
  }

  public long last() {
    return first() + size() - 1;
  }

  public boolean contains(long value) {
    return value >= first() && value <= last();
  }

  public boolean contains(Cidr other) {
    return other.prefixLength >= prefixLength && contains(other.first());
  }

  public boolean overlaps(Cidr other) {
    return first() <= other.last() && other.first() <= last();
  }

  /** The address {@code offset} places after the subnet's first address, with this prefix. */
  public Cidr at(long offset) {
    if (offset < 0 || offset >= size()) {
      throw new IllegalArgumentException(offset + " is outside " + this);
    }
    return new Cidr(first() + offset, prefixLength);
  }

  /** The address alone, dotted ({@code 10.213.0.2}). */
  public String addressText() {
    return dotted(address);
  }

  public Inet4Address inetAddress() {
    try {
      return (Inet4Address)
          InetAddress.getByAddress(
              new byte[] {
                (byte) (address >>> 24),
                (byte) (address >>> 16),
                (byte) (address >>> 8),
                (byte) address
              });
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes always make an IPv4 address", e);
    }
  }

  static String dotted(long value) {
    return (value >>> 24 & 0xFF)
        + "."
        + (value >>> 16 & 0xFF)
        + "."
        + (value >>> 8 & 0xFF)
        + "."
        + (value & 0xFF);
  }

  private long mask() {
    return prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
  }

  @Override
  public String toString() {
    return dotted(address) + "/" + prefixLength;
  }
}

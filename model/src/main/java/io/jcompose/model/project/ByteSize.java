package io.jcompose.model.project;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A size in bytes written the Docker way: a plain number of bytes or a number with a binary unit
 * ({@code 512m}, {@code 2g}, {@code 1.5GB}, {@code 640k}); {@code -1} means unlimited.
 *
 * @param bytes the size; -1 for unlimited
 */
public record ByteSize(long bytes) {

  private static final Pattern SYNTAX =
      Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  public ByteSize {
    if (bytes < -1) {
      throw new IllegalArgumentException("a byte size cannot be negative: " + bytes);
    }
  }

  /**
   * Parses {@code text} as a byte size.
   *
   * @throws IllegalArgumentException quoting {@code text} when it is not a byte size
   */
  public static ByteSize parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid byte size \"null\"");
    }
    String trimmed = text.trim();
    if (trimmed.equals("-1")) {
      return new ByteSize(-1);
    }
    var matcher = SYNTAX.matcher(trimmed);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid byte size \"" + text + "\": use a number of bytes or a unit like 512m or 2g");
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    int power = "kmgtp".indexOf(unit) + 1;
    BigDecimal bytes = number.multiply(BigDecimal.valueOf(1024).pow(unit.isEmpty() ? 0 : power));
    try {
      return new ByteSize(bytes.longValueExact());
    } catch (ArithmeticException e) {
      if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException("invalid byte size \"" + text + "\": too large");
      }
      return new ByteSize(bytes.longValue());
    }
  }

  public boolean isUnlimited() {
    return bytes == -1;
  }
}

package io.jcompose.cli.render.progress;

import java.math.BigDecimal;
import java.math.MathContext;

/** Byte counts as docker prints them: decimal units, three significant digits ({@code 1.23MB}). */
final class ByteSize {

  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private ByteSize() {}

  static String format(long bytes) {
    var digits = new MathContext(3);
    BigDecimal value = new BigDecimal(bytes).round(digits);
    int unit = 0;
    while (value.compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      value = value.divide(THOUSAND).round(digits);
      unit++;
    }
    return value.stripTrailingZeros().toPlainString() + UNITS[unit];
  }
}

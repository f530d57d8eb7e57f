package io.jcompose.cli.command;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sizes as docker's go-units prints them: {@link #decimal} is {@code HumanSizeWithPrecision(n, 3)}
 * ({@code 1.23MB}), {@link #binary} is {@code BytesSize} ({@code 23.54GiB}).
 */
final class ByteUnits {

  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {
    "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"
  };

  private ByteUnits() {}

  static String decimal(double bytes) {
    return format(bytes, 1000, DECIMAL, 3);
  }

  static String binary(double bytes) {
    return format(bytes, 1024, BINARY, 4);
  }

  private static String format(double size, double base, String[] units, int digits) {
    int unit = 0;
    while (size >= base && unit < units.length - 1) {
      size /= base;
      unit++;
    }
    String number =
        new BigDecimal(size).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    return number + units[unit];
  }
}

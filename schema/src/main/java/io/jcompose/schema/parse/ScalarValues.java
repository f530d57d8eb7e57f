package io.jcompose.schema.parse;

import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Resolves a YAML 1.2 core-schema scalar to a Java value. */
final class ScalarValues {

  private ScalarValues() {}

  static Object resolve(ScalarNode scalar) {
    return resolve(scalar.getValue(), scalar.getTag(), scalar.isPlain());
  }

  /** The value of a scalar written as {@code text}, of YAML tag {@code tag}, plain or quoted. */
  static Object resolve(String text, Tag tag, boolean plain) {
    if (!plain || tag.equals(Tag.STR)) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
    }
    if (tag.equals(Tag.INT)) {
      return integer(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(text);
    }
    return text;
  }

  private static boolean isLegacyOctal(String digits) {
    if (digits.length() < 2 || digits.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  private static Object integer(String text) {
    try {
      String digits = text.replace("_", "");
      boolean negative = digits.startsWith("-");
      if (digits.startsWith("-") || digits.startsWith("+")) {
        digits = digits.substring(1);
      }
      int radix = 10;
      if (digits.startsWith("0x")) {
        radix = 16;
        digits = digits.substring(2);
      } else if (digits.startsWith("0o")) {
        radix = 8;
        digits = digits.substring(2);
      } else if (isLegacyOctal(digits)) {
        // YAML 1.1's 0440, which docker compose's parser still reads as octal: file modes of
        // secrets and configs are written this way.
        radix = 8;
      }
      var value = new BigInteger(digits, radix);
      if (negative) {
        value = value.negate();
      }
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object floating(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    switch (lower) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        try {
          return Double.valueOf(text);
        } catch (NumberFormatException e) {
          return text;
        }
    }
  }
}

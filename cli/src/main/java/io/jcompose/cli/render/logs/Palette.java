package io.jcompose.cli.render.logs;

/**
 * docker compose's colors for log prefixes, handed out in turn: cyan, yellow, green, magenta, blue,
 * then their bright variants, then round again.
 */
final class Palette {

  private static final String[] CODES = {
    "36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"
  };

  private Palette() {}

  /** The SGR code of the {@code index}th color handed out, from 0. */
  static String code(int index) {
    return CODES[Math.floorMod(index, CODES.length)];
  }

  static String paint(String code, String text) {
    return "\033[" + code + "m" + text + "\033[0m";
  }
}

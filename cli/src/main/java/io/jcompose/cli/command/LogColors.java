package io.jcompose.cli.command;

import io.jcompose.cli.JcomposeCommand;

/** Whether output gets colors: {@code --ansi always}, never, or (auto) when on a terminal. */
final class LogColors {

  private LogColors() {}

  static boolean enabled(JcomposeCommand global) {
    return switch (global.ansi()) {
      case always -> true;
      case never -> false;
      case auto -> global.context().terminal();
    };
  }
}

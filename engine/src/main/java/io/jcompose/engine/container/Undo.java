package io.jcompose.engine.container;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The steps that take back what a half-done operation made, run newest first when it fails. A step
 * that fails itself is added to the original failure as suppressed, and the rest still run.
 */
final class Undo {

  private final Deque<Runnable> steps = new ArrayDeque<>();

  void add(Runnable step) {
    steps.push(step);
  }

  void run(Throwable failure) {
    while (!steps.isEmpty()) {
      try {
        steps.pop().run();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}

package io.jcompose.cli.command;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during attached {@code up}, as docker compose handles it: the first one asks for a
 * graceful stop, the second one for a kill. The JVM's own handler (exit through shutdown hooks) is
 * put back on {@link #close}. Where signals cannot be handled (a test JVM without a terminal,
 * another platform), installing does nothing.
 */
final class Interrupts implements AutoCloseable {

  private final SignalHandler previous;
  private final AtomicInteger count = new AtomicInteger();

  private Interrupts(Runnable first, Runnable second) {
    SignalHandler installed;
    try {
      installed =
          Signal.handle(
              new Signal("INT"),
              signal -> {
                if (count.incrementAndGet() == 1) {
                  first.run();
                } else {
                  second.run();
                }
              });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      installed = null;
    }
    this.previous = installed;
  }

  static Interrupts install(Runnable first, Runnable second) {
    return new Interrupts(first, second);
  }

  /** How many Ctrl-Cs arrived. */
  int count() {
    return count.get();
  }

  @Override
  public void close() {
    if (previous != null) {
      try {
        Signal.handle(new Signal("INT"), previous);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // nothing to restore
      }
    }
  }
}

package io.jcompose.cli.interactive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Forwards the signals jcompose receives (SIGINT, SIGTERM) to the attached container instead of
 * ending jcompose ({@code --sig-proxy}, without a TTY; with one, Ctrl-C travels as a key). Closing
 * it puts the previous handlers back. Where signals cannot be handled, installing does nothing.
 */
public final class SignalProxy implements AutoCloseable {

  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final List<Signal> installed = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private SignalProxy() {}

  /**
   * @param forward receives the signal's name ({@code SIGINT}); it runs on the JVM's signal thread
   */
  public static SignalProxy install(Consumer<String> forward) {
    var proxy = new SignalProxy();
    for (String name : SIGNALS) {
      try {
        var signal = new Signal(name);
        proxy.previous.add(Signal.handle(signal, received -> forward.accept("SIG" + name)));
        proxy.installed.add(signal);
      } catch (IllegalArgumentException | UnsupportedOperationException cannotHandle) {
        // left to the JVM
      }
    }
    return proxy;
  }

  @Override
  public void close() {
    for (int i = 0; i < installed.size(); i++) {
      try {
        Signal.handle(installed.get(i), previous.get(i));
      } catch (IllegalArgumentException | UnsupportedOperationException cannotRestore) {
        // nothing to restore
      }
    }
  }
}

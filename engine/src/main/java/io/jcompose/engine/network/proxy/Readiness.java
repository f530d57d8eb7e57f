package io.jcompose.engine.network.proxy;

import java.io.IOException;
import java.nio.channels.SelectionKey;

/** Whatever is attached to a key of the proxy's selector: told when its channel is ready. */
interface Readiness {

  /** Runs on the selector thread; an exception closes the owner of the channel. */
  void ready(SelectionKey key) throws IOException;

  /** Closes the channels behind this attachment (and those paired with them). */
  void close();
}

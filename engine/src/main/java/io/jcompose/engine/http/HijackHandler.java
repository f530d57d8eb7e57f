package io.jcompose.engine.http;

import java.io.IOException;

/** Runs a hijacked connection (attach, exec start) after the 101 or 200 went out. */
@FunctionalInterface
public interface HijackHandler {

  /** Returning closes the connection. */
  void run(HijackedConnection connection) throws IOException, InterruptedException;
}

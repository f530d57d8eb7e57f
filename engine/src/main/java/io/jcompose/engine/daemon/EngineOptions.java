package io.jcompose.engine.daemon;

import io.jcompose.engine.http.ApiVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the engine daemon runs: where its socket is, where it keeps its data, which API versions it
 * serves.
 */
public record EngineOptions(Path socketPath, Path dataRoot, ApiVersions apiVersions) {

  public static final Path DEFAULT_SOCKET = Path.of("/run/jcompose/engine.sock");
  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/jcompose");

  static final String USAGE =
      "usage: jcompose-engine [--host unix:///path/to/engine.sock] [--data-root DIR]\n"
          + "  --host, -H   the socket to serve the Docker API on (default unix://"
          + DEFAULT_SOCKET
          + ")\n"
          + "  --data-root  where images, containers and volumes are kept (default "
          + DEFAULT_DATA_ROOT
          + ")";

  public EngineOptions {
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(apiVersions, "apiVersions");
    socketPath = socketPath.toAbsolutePath();
    dataRoot = dataRoot.toAbsolutePath();
  }

  public static EngineOptions defaults() {
    return new EngineOptions(DEFAULT_SOCKET, DEFAULT_DATA_ROOT, ApiVersions.DEFAULT);
  }

  /**
   * Reads {@code --host unix:///path} (or {@code -H}, or {@code --host=...}) and {@code --data-root
   * DIR}.
   *
   * @throws IllegalArgumentException quoting the argument that is wrong
   */
  public static EngineOptions parse(List<String> args) {
    Path socketPath = DEFAULT_SOCKET;
    Path dataRoot = DEFAULT_DATA_ROOT;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("\"" + arg + "\" needs a value");
      }
      switch (name) {
        case "--host", "-H" -> socketPath = socketOf(value);
        case "--data-root" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--data-root needs a directory");
          }
          dataRoot = Path.of(value);
        }
        default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"");
      }
    }
    return new EngineOptions(socketPath, dataRoot, ApiVersions.DEFAULT);
  }

  private static Path socketOf(String host) {
    if (host.startsWith("unix://") && host.length() > "unix://".length()) {
      String path = host.substring("unix://".length());
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException(
            "--host \"" + host + "\": the socket path must be absolute (unix:///run/x.sock)");
      }
      return Path.of(path);
    }
    if (host.startsWith("tcp://") || host.startsWith("fd://")) {
      throw new IllegalArgumentException(
          "--host \"" + host + "\": only unix sockets are served (unix:///path/to/engine.sock)");
    }
    throw new IllegalArgumentException(
        "--host \"" + host + "\": expected unix:///path/to/engine.sock");
  }
}

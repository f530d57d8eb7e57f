package io.jcompose.cli.copy;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import java.util.Objects;

/**
 * {@code cp}'s two arguments: one names a service's path ({@code SERVICE:PATH}), the other a local
 * path or {@code -} (a tar on standard input or output).
 *
 * @param service the service on the container side
 * @param containerPath the path in the container
 * @param localPath the local path, or {@code -}
 * @param toService whether the copy goes into the service's containers
 */
public record CopyArguments(
    String service, String containerPath, String localPath, boolean toService) {

  public CopyArguments {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(containerPath, "containerPath");
    Objects.requireNonNull(localPath, "localPath");
  }

  /** Reads {@code SERVICE:SRC DEST} or {@code SRC SERVICE:DEST} as docker's {@code splitCpArg}. */
  public static CopyArguments parse(String source, String destination) {
    if (source.isEmpty()) {
      throw usage("source can not be empty");
    }
    if (destination.isEmpty()) {
      throw usage("destination can not be empty");
    }
    String[] from = split(source);
    String[] to = split(destination);
    if (from[0] != null && to[0] != null) {
      throw usage("copying between services is not supported");
    }
    if (from[0] == null && to[0] == null) {
      throw usage(
          "one of the paths must name a service, as SERVICE:PATH (got \""
              + source
              + "\" and \""
              + destination
              + "\")");
    }
    if (from[0] != null) {
      checkNotEmpty(from, source);
      return new CopyArguments(from[0], from[1], destination, false);
    }
    checkNotEmpty(to, destination);
    return new CopyArguments(to[0], to[1], source, true);
  }

  /** {service, path}, service null for a local path. */
  private static String[] split(String argument) {
    if (argument.startsWith("/")) {
      return new String[] {null, argument};
    }
    int colon = argument.indexOf(':');
    if (colon < 0 || argument.startsWith(".")) {
      return new String[] {null, argument};
    }
    return new String[] {argument.substring(0, colon), argument.substring(colon + 1)};
  }

  private static void checkNotEmpty(String[] parts, String argument) {
    if (parts[0].isEmpty()) {
      throw usage("no service named in \"" + argument + "\"; use SERVICE:PATH");
    }
    if (parts[1].isEmpty()) {
      throw usage("no path in \"" + argument + "\"; use SERVICE:PATH");
    }
  }

  private static UserException usage(String message) {
    return new UserException(message, ExitCode.USAGE, null);
  }
}

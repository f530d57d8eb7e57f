package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;

/**
 * What the container runs.
 *
 * @param args the program and its arguments (Docker's entrypoint followed by its command)
 * @param env {@code KEY=value} entries; {@code PATH} and {@code HOSTNAME} get Docker's defaults
 *     when missing
 * @param cwd the absolute working directory inside the container
 * @param terminal give the process a pseudo-terminal (conmon holds its master)
 */
public record Command(List<String> args, List<String> env, String cwd, boolean terminal) {

  public Command {
    args = List.copyOf(args);
    env = List.copyOf(env);
    if (args.isEmpty()) {
      throw new EngineFault.InvalidArgument("No command specified");
    }
    if (!cwd.startsWith("/")) {
      throw new EngineFault.InvalidArgument(
          "the working directory \"" + cwd + "\" is invalid; it needs to be an absolute path");
    }
    for (String entry : env) {
      if (entry.indexOf('=') <= 0) {
        throw new EngineFault.InvalidArgument(
            "invalid environment entry \"" + entry + "\"; expected KEY=value");
      }
    }
  }

  /** A command without a terminal, run from {@code /} with no environment of its own. */
  public static Command of(String... args) {
    return new Command(List.of(args), List.of(), "/", false);
  }
}

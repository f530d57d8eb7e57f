package io.jcompose.engine.runtime;

import io.jcompose.engine.fault.EngineFault;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run in a running container, without a terminal or stdin: healthchecks, and {@code
 * exec} without {@code -it}. Everything not given is the container's own (its capabilities,
 * rlimits, environment, working directory and user).
 *
 * @param args the program and its arguments
 * @param env {@code KEY=value} entries added to the container's environment
 * @param cwd the working directory, if not the container's
 * @param user {@code user[:group]}, names looked up in the container's rootfs, if not the
 *     container's user
 * @param timeout the exec is killed (SIGKILL) when it runs longer
 */
public record ExecRequest(
    List<String> args,
    List<String> env,
    Optional<String> cwd,
    Optional<String> user,
    Duration timeout) {

  public ExecRequest {
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(timeout, "timeout");
    if (args.isEmpty()) {
      throw new EngineFault.InvalidArgument("No exec command specified");
    }
    if (cwd.isPresent() && !cwd.get().startsWith("/")) {
      throw new EngineFault.InvalidArgument("exec working directory must be absolute");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new EngineFault.InvalidArgument("exec timeout must be positive");
    }
  }

  /** {@code args} as the container's user, with a timeout. */
  public static ExecRequest of(Duration timeout, String... args) {
    return new ExecRequest(List.of(args), List.of(), Optional.empty(), Optional.empty(), timeout);
  }

  public ExecRequest withUser(String newUser) {
    return new ExecRequest(args, env, cwd, Optional.of(newUser), timeout);
  }

  public ExecRequest withEnv(List<String> newEnv) {
    return new ExecRequest(args, newEnv, cwd, user, timeout);
  }

  public ExecRequest withCwd(String newCwd) {
    return new ExecRequest(args, env, Optional.of(newCwd), user, timeout);
  }
}

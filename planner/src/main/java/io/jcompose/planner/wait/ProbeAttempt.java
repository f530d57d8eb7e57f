package io.jcompose.planner.wait;

import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** One attempt of a readiness probe on one container: empty when it passed, else what it saw. */
final class ProbeAttempt {

  /** The longest one connection or request may take. */
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  private final ContainerRuntime runtime;
  private final ProbeSettings settings;
  private final Optional<LogWatch> logs;

  ProbeAttempt(ContainerRuntime runtime, ProbeSettings settings, Optional<LogWatch> logs) {
    this.runtime = runtime;
    this.settings = settings;
    this.logs = logs;
  }

  Optional<String> run(ReadinessCheck.Probe probe, ContainerDetails container)
      throws InterruptedException {
    String what = probe.describe();
    if (probe instanceof ReadinessCheck.Tcp tcp) {
      Optional<ProbeAddress> address = address(container, tcp.port());
      if (address.isEmpty()) {
        return Optional.of(what + ": container " + container.name() + " has no address");
      }
      try {
        settings.prober().connect(address.get().host(), address.get().port(), ATTEMPT_TIMEOUT);
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of(what + ": " + reason(e));
      }
    } else if (probe instanceof ReadinessCheck.Http http) {
      Optional<ProbeAddress> address = address(container, http.port());
      if (address.isEmpty()) {
        return Optional.of(what + ": container " + container.name() + " has no address");
      }
      try {
        int status =
            settings
                .prober()
                .get(address.get().host(), address.get().port(), http.path(), ATTEMPT_TIMEOUT);
        return http.accepts(status) ? Optional.empty() : Optional.of(what + " answered " + status);
      } catch (IOException e) {
        return Optional.of(what + ": " + reason(e));
      }
    } else if (probe instanceof ReadinessCheck.Log) {
      return logs.orElseThrow().hasMatched(container.id())
          ? Optional.empty()
          : Optional.of(what + ": no line matched yet");
    } else if (probe instanceof ReadinessCheck.Command command) {
      try {
        ExecResult result = runtime.exec(container.id(), ExecSpec.of(command.command()));
        return result.exitCode() == 0
            ? Optional.empty()
            : Optional.of(what + " exited with code " + result.exitCode());
      } catch (RuntimeFault e) {
        return Optional.of(what + ": " + e.getMessage());
      }
    }
    throw new IllegalStateException("no attempt for probe " + probe);
  }

  private Optional<ProbeAddress> address(ContainerDetails container, int port) {
    return ProbeAddress.of(container, port, settings.publishedHost());
  }

  /** {@code Connection refused} as {@code connection refused}. */
  private static String reason(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}

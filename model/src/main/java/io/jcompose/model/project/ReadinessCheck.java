package io.jcompose.model.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A jcompose readiness check ({@code x-jcompose.ready}): run by jcompose itself, not the engine, so
 * it works on every endpoint. A service is ready once {@code probe} succeeds for each of its
 * containers; the check gives up after {@code timeout}.
 *
 * @param interval the pause between two attempts
 */
public record ReadinessCheck(Probe probe, Duration interval, Duration timeout) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ReadinessCheck {
    Objects.requireNonNull(probe, "probe");
    positive(interval, "interval");
    positive(timeout, "timeout");
  }

  static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "the readiness " + name + " must be positive: " + duration);
    }
  }

  static void containerPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("container port " + port + " is not in 1-65535");
    }
  }

  /** What one attempt does. */
  public sealed interface Probe {

    /** The probe in words, as errors quote it: {@code http GET :8080/health}. */
    String describe();
  }

  /** Ready when a TCP connection to the container port opens. */
  public record Tcp(int port) implements Probe {
    public Tcp {
      containerPort(port);
    }

    @Override
    public String describe() {
      return "tcp :" + port;
    }
  }

  /**
   * Ready when {@code GET path} on the container port answers {@code status}, or any 2xx or 3xx
   * when no status is given.
   */
  public record Http(int port, String path, Optional<Integer> status) implements Probe {
    public Http {
      containerPort(port);
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
        throw new IllegalArgumentException(
            "invalid http path \"" + path + "\": it starts with / and has no spaces");
      }
      Objects.requireNonNull(status, "status");
      if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
        throw new IllegalArgumentException("invalid http status " + status.get() + ": 100 to 599");
      }
    }

    public boolean accepts(int answered) {
      return status.isPresent() ? status.get() == answered : answered >= 200 && answered < 400;
    }

    @Override
    public String describe() {
      return "http GET :" + port + path;
    }
  }

  /** Ready when a line of the service's output matches {@code pattern} (found anywhere). */
  public record Log(String pattern) implements Probe {
    public Log {
      compile(pattern);
    }

    /**
     * @throws IllegalArgumentException quoting the pattern when it is not a regular expression
     */
    public static Pattern compile(String pattern) {
      Objects.requireNonNull(pattern, "pattern");
      try {
        return Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regular expression \"" + pattern + "\": " + e.getDescription(), e);
      }
    }

    public Pattern regex() {
      return compile(pattern);
    }

    @Override
    public String describe() {
      return "log /" + pattern + "/";
    }
  }

  /** Ready when {@code command}, run in the container, exits 0. */
  public record Command(List<String> command) implements Probe {
    public Command {
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("a readiness command cannot be empty");
      }
    }

    @Override
    public String describe() {
      return "command " + String.join(" ", command);
    }
  }
}

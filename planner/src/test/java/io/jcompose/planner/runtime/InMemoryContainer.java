package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ContainerSummary.MountPoint;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One container of the in-memory runtime: its spec, run state, log, log followers and health.
 * Guarded by the runtime's lock; {@link ContainerTable} drives its changes.
 */
final class InMemoryContainer {

  private record RecordedLine(LogLine.Stream stream, Instant time, String text) {}

  private record Follower(Feed<LogLine> feed, LogOptions options) {}

  private final String id;
  private final ContainerSpec spec;
  private final String imageId;
  private final List<MountPoint> mounts;
  private final List<String> anonymousVolumeNames;
  private final Map<String, String> networks = new LinkedHashMap<>();
  private final List<RecordedLine> log = new ArrayList<>();
  private final List<Follower> followers = new ArrayList<>();
  private String name;
  private ContainerStatus status = ContainerStatus.CREATED;
  private int exitCode;
  private Instant startedAt;
  private Instant finishedAt;
  private Health healthVerdict;
  private Health reportedHealth;
  private Health healthOverride;
  private int inspectionsSinceStart;

  InMemoryContainer(
      String id,
      String name,
      ContainerSpec spec,
      String imageId,
      Map<String, String> networks,
      List<MountPoint> mounts,
      List<String> anonymousVolumeNames) {
    this.id = id;
    this.name = name;
    this.spec = spec;
    this.imageId = imageId;
    this.networks.putAll(networks);
    this.mounts = List.copyOf(mounts);
    this.anonymousVolumeNames = List.copyOf(anonymousVolumeNames);
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  void rename(String newName) {
    name = newName;
  }

  ContainerSpec spec() {
    return spec;
  }

  String imageId() {
    return imageId;
  }

  List<MountPoint> mounts() {
    return mounts;
  }

  List<String> anonymousVolumeNames() {
    return anonymousVolumeNames;
  }

  /** Network name to network ID. */
  Map<String, String> networks() {
    return networks;
  }

  boolean running() {
    return status == ContainerStatus.RUNNING;
  }

  int exitCode() {
    return exitCode;
  }

  ContainerSummary summary() {
    return new ContainerSummary(
        id,
        name,
        spec.image(),
        imageId,
        spec.labels(),
        status,
        status == ContainerStatus.EXITED || status == ContainerStatus.DEAD
            ? Optional.of(exitCode)
            : Optional.empty(),
        networks,
        mounts);
  }

  ContainerDetails details() {
    Health health = healthOverride != null ? healthOverride : reportedHealth;
    return new ContainerDetails(
        summary(),
        exitCode,
        Optional.ofNullable(health),
        Optional.ofNullable(startedAt),
        Optional.ofNullable(finishedAt),
        0,
        addresses());
  }

  /** A running container answers on loopback on each of its networks, so tests probe locally. */
  private ContainerDetails.Addresses addresses() {
    if (!running()) {
      return ContainerDetails.Addresses.NONE;
    }
    var ipAddresses = new java.util.TreeMap<String, String>();
    networks.keySet().forEach(network -> ipAddresses.put(network, "127.0.0.1"));
    return new ContainerDetails.Addresses(List.of(), ipAddresses);
  }

  /** The program a start runs: entrypoint then command; empty for the image's own. */
  List<String> argv() {
    var argv = new ArrayList<String>();
    spec.process().entrypoint().ifPresent(argv::addAll);
    spec.process().command().ifPresent(argv::addAll);
    return argv;
  }

  /** The process environment: {@code PATH}, {@code HOSTNAME}, then the spec's entries. */
  Map<String, String> environment(List<String> extraEntries) {
    var environment = new LinkedHashMap<String, String>();
    environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    environment.put("HOSTNAME", spec.networking().hostname().orElse(id.substring(0, 12)));
    var entries = new ArrayList<>(spec.process().environment());
    entries.addAll(extraEntries);
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        environment.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return environment;
  }

  void started(Instant now, Optional<Health> verdict) {
    status = ContainerStatus.RUNNING;
    exitCode = 0;
    startedAt = now;
    healthVerdict = verdict.orElse(null);
    reportedHealth = verdict.isPresent() ? Health.STARTING : null;
    inspectionsSinceStart = 0;
  }

  void exited(Instant now, int code) {
    status = ContainerStatus.EXITED;
    exitCode = code;
    finishedAt = now;
    for (Follower follower : followers) {
      follower.feed().end();
    }
    followers.clear();
  }

  /**
   * Counts an inspect. The healthcheck's verdict shows from the second inspect after a start on, so
   * a poller sees {@code starting} at least once.
   *
   * @return the verdict when this inspect made it visible
   */
  Optional<Health> inspected() {
    if (!running() || healthOverride != null || reportedHealth != Health.STARTING) {
      return Optional.empty();
    }
    inspectionsSinceStart++;
    if (inspectionsSinceStart < 2) {
      return Optional.empty();
    }
    reportedHealth = healthVerdict;
    return Optional.of(healthVerdict);
  }

  void overrideHealth(Health health) {
    healthOverride = health;
  }

  void record(MiniShell.Output output, Instant time) {
    var line = new RecordedLine(output.stream(), time, output.text());
    log.add(line);
    followers.removeIf(follower -> follower.feed().isOver());
    for (Follower follower : followers) {
      if (follower.options().until().isEmpty() || !time.isAfter(follower.options().until().get())) {
        follower.feed().offer(toLogLine(line, follower.options()));
      }
    }
  }

  /**
   * A feed of the log as the options ask, filled with the lines so far; it follows new lines while
   * the container runs when {@link LogOptions#follow()} is set, else it ends after them.
   */
  Feed<LogLine> logs(LogOptions options, Consumer<LogLine> sink) {
    var selected = new ArrayList<RecordedLine>();
    for (RecordedLine line : log) {
      boolean afterSince =
          options.since().isEmpty() || !line.time().isBefore(options.since().get());
      boolean beforeUntil =
          options.until().isEmpty() || !line.time().isAfter(options.until().get());
      if (afterSince && beforeUntil) {
        selected.add(line);
      }
    }
    int tail = options.tail().orElse(-1);
    int skipped = tail < 0 ? 0 : Math.max(0, selected.size() - tail);
    var feed = new Feed<LogLine>(sink);
    for (RecordedLine line : selected.subList(skipped, selected.size())) {
      feed.offer(toLogLine(line, options));
    }
    if (options.follow() && running()) {
      followers.add(new Follower(feed, options));
    } else {
      feed.end();
    }
    return feed;
  }

  /** Ends the log followers (the container is gone). */
  void removed() {
    for (Follower follower : followers) {
      follower.feed().end();
    }
    followers.clear();
  }

  private static LogLine toLogLine(RecordedLine line, LogOptions options) {
    return new LogLine(
        line.stream(),
        options.timestamps() ? Optional.of(line.time()) : Optional.empty(),
        line.text());
  }
}

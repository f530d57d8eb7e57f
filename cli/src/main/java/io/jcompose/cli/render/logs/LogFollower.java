package io.jcompose.cli.render.logs;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Streams the logs of a project's service containers (not {@code run} ones) to a {@link
 * LogPrinter}, all at once; for {@code logs}, {@code logs -f} and attached {@code up}.
 *
 * <pre>
 * try (var follower = new LogFollower(runtime, "demo", Set.of(), options, printer)) {
 *   follower.onExit(exit -> ...).start();
 *   follower.await();
 * }
 * </pre>
 *
 * <p><b>Without {@link LogOptions#follow()}</b> it prints what the listed containers logged, as the
 * options select, and {@link #await()} returns when every stream has ended.
 *
 * <p><b>With follow</b> it also subscribes to the project's container events first, and:
 *
 * <ul>
 *   <li>when a container starts (again, or a new one of the project appears), attaches to its log
 *       ({@code since}, no {@code tail}) from its last death, to the nanosecond, when the follower
 *       saw it die (the daemon stamps a run's last lines before it announces the death, and the
 *       next run's first lines can be stamped before its start event), else from the second of the
 *       start event; so a restart shows the new run's lines without repeating the old ones;
 *   <li>when a followed container stops, prints {@code web-1 exited with code N} once its stream
 *       has delivered its last lines, and tells the {@link #onExit exit listener};
 *   <li>{@link #await()} returns once every container seen has stopped, every stream has ended and
 *       no container started for the {@link #stopGrace grace period} (default {@link
 *       #DEFAULT_GRACE}), which lets {@code restart:} policies bring a container back; so {@code
 *       logs -f} ends like docker compose's when the project has stopped. A project without
 *       containers counts as stopped.
 * </ul>
 *
 * For attached {@code up}: pass {@code tail = 0} to skip what already-running containers logged
 * before, {@link #start()} before the plan runs (to catch its starts) and {@link #await()} after
 * it; {@code --abort-on-container-exit}, {@code --abort-on-container-failure} and {@code
 * --exit-code-from} decide on {@link ContainerExit}s from the listener or {@link #exits()}. {@link
 * #close()} (Ctrl-C, an abort) ends every stream and makes {@link #await()} return.
 *
 * <p>Each stream's end is awaited on a daemon thread of the follower's own, shut down by {@link
 * #close()}. Runtime calls are made outside the follower's lock, so the runtime may call back from
 * any thread. Race left open: a container that starts and stops between the event subscription and
 * the listing may print that run twice.
 */
public final class LogFollower implements AutoCloseable {

  /** How long {@code logs -f} waits for a stopped project to start again before it returns. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(1);

  /** Told about each followed container that stops, after its exit notice was printed. */
  @FunctionalInterface
  public interface ExitListener {

    /**
     * Called on the runtime's or the follower's threads, one exit at a time per container; it may
     * call {@link LogFollower#close()}, and should not block.
     */
    void exited(ContainerExit exit);
  }

  private final ContainerRuntime runtime;
  private final String projectName;
  private final Set<String> serviceNames;
  private final LogOptions options;
  private final LogPrinter printer;
  private final FollowState state;
  private final ExecutorService watchers = Executors.newCachedThreadPool(LogFollower::watcher);
  private volatile ExitListener listener = exit -> {};
  private volatile Subscription events;
  private final Map<String, Instant> lastDeaths = new ConcurrentHashMap<>();

  /**
   * @param projectName whose containers to stream (the {@code com.docker.compose.project} label)
   * @param serviceNames the services to stream; empty for all
   * @param options what to stream; {@code follow} also follows restarts and new containers
   * @param printer where the lines go; the follower registers every container it lists
   */
  public LogFollower(
      ContainerRuntime runtime,
      String projectName,
      Set<String> serviceNames,
      LogOptions options,
      LogPrinter printer) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.projectName = Objects.requireNonNull(projectName, "projectName");
    this.serviceNames = Set.copyOf(serviceNames);
    this.options = Objects.requireNonNull(options, "options");
    this.printer = Objects.requireNonNull(printer, "printer");
    this.state = new FollowState(options.follow());
  }

  private static Thread watcher(Runnable watch) {
    var thread = new Thread(watch, "jcompose-logs");
    thread.setDaemon(true);
    return thread;
  }

  /** Sets who hears of container exits (with follow). Before {@link #start()}. */
  public LogFollower onExit(ExitListener exitListener) {
    Objects.requireNonNull(exitListener, "exitListener");
    state.requireNotStarted();
    listener = exitListener;
    return this;
  }

  /** Sets how long a stopped project may take to start again (with follow). Before start. */
  public LogFollower stopGrace(Duration gracePeriod) {
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("the grace period cannot be negative: " + gracePeriod);
    }
    state.grace(gracePeriod);
    return this;
  }

  /**
   * Subscribes to the project's events (with follow), lists its containers and attaches to their
   * logs. Returns at once; the lines arrive on the runtime's threads.
   *
   * @throws IllegalStateException when it has started already
   * @throws RuntimeFault when the runtime cannot list or stream
   */
  public LogFollower start() {
    state.markStarted();
    if (options.follow()) {
      events = runtime.events(LabelFilter.of(Labels.PROJECT, projectName), this::onEvent);
      if (state.isClosed()) {
        events.close(); // closed while subscribing
      }
    }
    List<ContainerSummary> listing =
        selected(runtime.listContainers(Labels.projectContainers(projectName)));
    for (ContainerSummary summary : listing) {
      printer.register(
          new FollowedContainer(summary.id(), summary.name(), summary.labels()).prefix);
    }
    for (ContainerSummary summary : listing) {
      FollowState.Attach attach = state.listedContainer(summary);
      if (attach != null) {
        open(attach, options);
      }
    }
    state.listingDone();
    return this;
  }

  /** The service containers of the selected services, by service then number. */
  private List<ContainerSummary> selected(List<ContainerSummary> listing) {
    var selected = new ArrayList<ContainerSummary>();
    for (ContainerSummary summary : listing) {
      if (isSelected(summary.labels())) {
        selected.add(summary);
      }
    }
    selected.sort(
        Comparator.comparing((ContainerSummary summary) -> summary.label(Labels.SERVICE))
            .thenComparingInt(summary -> number(summary.label(Labels.CONTAINER_NUMBER)))
            .thenComparing(ContainerSummary::name));
    return selected;
  }

  private static int number(String text) {
    return text != null && text.matches("-?[0-9]{1,9}") ? Integer.parseInt(text) : -1;
  }

  private boolean isSelected(Map<String, String> labels) {
    String serviceName = labels.get(Labels.SERVICE);
    return serviceName != null
        && labels.containsKey(Labels.CONFIG_HASH)
        && !Labels.TRUE.equals(labels.get(Labels.ONEOFF))
        && (serviceNames.isEmpty() || serviceNames.contains(serviceName));
  }

  private void onEvent(RuntimeEvent event) {
    if (!event.type().equals("container") || !isSelected(event.attributes())) {
      return;
    }
    if (event.action().equals("start")) {
      FollowState.Attach attach = state.started(event);
      if (attach != null) {
        printer.register(attach.container().prefix);
        var fromStart =
            new LogOptions(
                true,
                Optional.empty(),
                Optional.of(
                    lastDeaths.getOrDefault(
                        event.actorId(), event.time().truncatedTo(ChronoUnit.SECONDS))),
                options.until(),
                options.timestamps());
        open(attach, fromStart);
      }
    } else if (event.action().equals("die")) {
      lastDeaths.put(event.actorId(), event.time());
      state.died(event, number(event.attributes().get("exitCode"))).ifPresent(this::report);
    }
  }

  private void open(FollowState.Attach attach, LogOptions logOptions) {
    String prefix = attach.container().prefix;
    FollowedContainer.Stream stream = attach.stream();
    Subscription subscription;
    try {
      subscription =
          runtime.logs(attach.container().id, logOptions, line -> printer.print(prefix, line));
    } catch (RuntimeFault.NotFound gone) {
      state.streamEnded(stream).ifPresent(this::report);
      return;
    }
    if (state.subscribed(stream, subscription)) {
      try {
        watchers.execute(() -> watch(subscription, stream));
        return;
      } catch (RejectedExecutionException closedMeanwhile) {
        // closed after the check: end the stream here
      }
    }
    subscription.close();
    state.streamEnded(stream).ifPresent(this::report);
  }

  private void watch(Subscription subscription, FollowedContainer.Stream stream) {
    try {
      subscription.await();
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt(); // close() shuts the watchers down
    } catch (RuntimeException broken) {
      // the stream failed (its connection, or the printer): it has ended either way
    } finally {
      state.streamEnded(stream).ifPresent(this::report);
    }
  }

  private void report(ContainerExit exit) {
    try {
      printer.exited(exit.prefix(), exit.exitCode());
      state.exitPrinted(exit);
      listener.exited(exit);
    } finally {
      state.exitReported();
    }
  }

  /**
   * Blocks until the logs are done (see the class comment) or the follower is closed.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public void await() throws InterruptedException {
    state.await(Long.MAX_VALUE);
  }

  /**
   * As {@link #await()}, for at most {@code timeout}.
   *
   * @return false when the timeout passed first
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return state.await(timeout.toNanos());
  }

  /** The exits reported so far, in order. */
  public List<ContainerExit> exits() {
    return state.exits();
  }

  /** Ends every stream and the event subscription; {@link #await()} returns. Idempotent. */
  @Override
  public void close() {
    List<Subscription> subscriptions = state.close();
    if (subscriptions == null) {
      return;
    }
    Subscription eventStream = events;
    if (eventStream != null) {
      eventStream.close();
    }
    for (Subscription subscription : subscriptions) {
      subscription.close();
    }
    watchers.shutdownNow();
  }
}

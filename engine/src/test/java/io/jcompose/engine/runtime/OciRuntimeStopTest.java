package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.logs.LogFollower;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.oci.CpuLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OciRuntimeStopTest {

  private static final String TICKER = "while true; do echo tick; sleep 0.2; done";
  private static final Duration GRACE = Duration.ofSeconds(1);

  /** Generous: only a stop that hangs (never sends SIGKILL) exceeds it. */
  private static final Duration MARGIN = Duration.ofSeconds(15);

  private RuntimeFixture fixture;
  private OciRuntime runtime;

  @BeforeEach
  void setUp() throws Exception {
    fixture = RuntimeFixture.create();
    runtime = fixture.open();
  }

  @AfterEach
  void tearDown() {
    try {
      runtime.close();
    } finally {
      fixture.close();
    }
    assertThat(fixture.leftovers()).isEmpty();
  }

  @Test
  void followSeesNewTicks_stopOfAShellIgnoringTermEndsWith137_andTheFollowEndsAtExit()
      throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", TICKER));
    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    var log = new ContainerLog(bundle.logFile());

    var seen = new ArrayList<LogRecord>();
    try (LogFollower follower =
        log.follow(LogQuery.ALL.withTail(0), runtime.monitor().onExit(id))) {
      while (seen.size() < 3) {
        seen.add(follower.next().orElseThrow());
      }
      assertThat(runtime.state(id).orElseThrow().status()).isEqualTo(ContainerStatus.RUNNING);

      long stopStarted = System.nanoTime();
      ContainerExit exit = runtime.stop(id, Signal.TERM, GRACE);
      Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);

      assertThat(exit.exitCode()).isEqualTo(137);
      assertThat(stopTook).isGreaterThanOrEqualTo(GRACE).isLessThan(GRACE.plus(MARGIN));
      Optional<LogRecord> next;
      while ((next = follower.next()).isPresent()) {
        seen.add(next.get());
      }
    }
    assertThat(seen).extracting(LogRecord::text).allMatch("tick\n"::equals);
    assertThat(seen.size()).isLessThanOrEqualTo(log.read(LogQuery.ALL).size());
    assertThat(runtime.state(id).orElseThrow().status()).isEqualTo(ContainerStatus.STOPPED);
    assertThatThrownBy(() -> runtime.stop(id, Signal.TERM, GRACE))
        .isInstanceOf(EngineFault.NotModified.class);
    runtime.delete(id, false);
  }

  @Test
  void underInit_termStopsTheContainerWith143() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", TICKER).withInit(true));
    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);
    // a signal that reaches tini before it has blocked signals is dropped (PID 1 has no handler
    // yet), as with docker run --init: wait until its child runs
    try (LogFollower follower =
        new ContainerLog(bundle.logFile()).follow(LogQuery.ALL, runtime.monitor().onExit(id))) {
      assertThat(follower.next()).isPresent();
    }

    ContainerExit exit = runtime.stop(id, Signal.TERM, Duration.ofSeconds(30));

    assertThat(exit.exitCode()).isEqualTo(143);
    runtime.delete(id, false);
  }

  @Test
  void killWithSigkill_gives137_pidsMemoryAndCpuLimitsLandInTheV1Cgroup_andDeleteRemovesThem()
      throws Exception {
    String id = fixture.newId();
    var process = fixture.process(id, "sh", "-c", TICKER);
    process =
        process.withResources(
            process
                .resources()
                .withPidsLimit(20)
                .withMemory(32L * 1024 * 1024, OptionalLong.of(32L * 1024 * 1024))
                .withCpu(
                    new CpuLimit(
                        OptionalLong.of(512),
                        OptionalLong.of(50_000),
                        OptionalLong.of(100_000),
                        "",
                        "")));
    var bundle = fixture.bundle(id, process);
    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);

    Path pids = Path.of("/sys/fs/cgroup/pids").resolve(fixture.cgroupPath(id).substring(1));
    Path memory = Path.of("/sys/fs/cgroup/memory").resolve(fixture.cgroupPath(id).substring(1));
    assertThat(Files.readString(pids.resolve("pids.max")).strip()).isEqualTo("20");
    assertThat(Files.readString(memory.resolve("memory.limit_in_bytes")).strip())
        .isEqualTo(Long.toString(32L * 1024 * 1024));
    Path cpu = Path.of("/sys/fs/cgroup/cpu").resolve(fixture.cgroupPath(id).substring(1));
    assertThat(Files.readString(cpu.resolve("cpu.shares")).strip()).isEqualTo("512");
    assertThat(Files.readString(cpu.resolve("cpu.cfs_quota_us")).strip()).isEqualTo("50000");
    assertThat(Files.readString(memory.resolve("memory.memsw.limit_in_bytes")).strip())
        .isEqualTo(Long.toString(32L * 1024 * 1024));
    assertThat(Files.readString(pids.resolve("cgroup.procs")))
        .contains(Long.toString(runtime.state(id).orElseThrow().pid()));

    runtime.kill(id, Signal.parse("SIGKILL"));
    ContainerExit exit = runtime.monitor().awaitExit(id);
    assertThat(exit.exitCode()).isEqualTo(137);
    assertThatThrownBy(() -> runtime.kill(id, Signal.TERM))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("is not running");

    runtime.delete(id, false);
    assertThat(pids).doesNotExist();
    assertThat(memory).doesNotExist();
    assertThat(fixture.cgroupDirectories()).isEmpty();
  }

  @Test
  void deleteOfARunningContainerNeedsForce() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", TICKER));
    runtime.create(id, bundle, Stdio.LOG_ONLY);
    runtime.start(id);

    assertThatThrownBy(() -> runtime.delete(id, false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("cannot remove a running container");
    var exits = new java.util.concurrent.LinkedBlockingQueue<ContainerExit>();
    runtime.monitor().addListener(exits::add);
    runtime.delete(id, true);

    assertThat(runtime.state(id)).isEmpty();
    assertThat(exits.take().exitCode()).isEqualTo(137);
    assertThat(fixture.conmonProcesses()).isEmpty();
    assertThat(fixture.layout.exitDirectory().resolve(id)).doesNotExist();
  }
}

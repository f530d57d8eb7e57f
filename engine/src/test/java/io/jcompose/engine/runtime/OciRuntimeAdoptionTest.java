package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.logs.LogFollower;
import io.jcompose.engine.logs.LogQuery;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A second runtime over the same directories stands in for an engine restart. */
class OciRuntimeAdoptionTest {

  private static final String TICKER = "while true; do echo tick; sleep 0.2; done";

  private RuntimeFixture fixture;
  private OciRuntime first;
  private OciRuntime second;

  @BeforeEach
  void setUp() throws Exception {
    fixture = RuntimeFixture.create();
    first = fixture.open();
  }

  @AfterEach
  void tearDown() {
    try {
      first.close();
      if (second != null) {
        second.close();
      }
    } finally {
      fixture.close();
    }
    assertThat(fixture.leftovers()).isEmpty();
  }

  @Test
  void aRunningContainerIsAdopted_itsLogStillGrows_andItsExitReachesTheNewMonitor()
      throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", TICKER));
    long pid = first.create(id, bundle, Stdio.LOG_ONLY);
    first.start(id);
    first.close();

    second = fixture.open();
    var exits = new LinkedBlockingQueue<ContainerExit>();
    second.monitor().addListener(exits::add);
    Instant recoveredAt = Instant.now();

    assertThat(second.recover())
        .singleElement()
        .isInstanceOfSatisfying(
            RecoveredContainer.Adopted.class,
            adopted -> {
              assertThat(adopted.containerId()).isEqualTo(id);
              assertThat(adopted.status()).isEqualTo(ContainerStatus.RUNNING);
              assertThat(adopted.pid()).isEqualTo(pid);
              assertThat(adopted.bundle()).isEqualTo(bundle.directory());
              assertThat(new ConmonProcess(adopted.conmonPid()).monitors(id)).isTrue();
            });
    try (LogFollower follower =
        new ContainerLog(bundle.logFile())
            .follow(LogQuery.ALL.withSince(recoveredAt), second.monitor().onExit(id))) {
      assertThat(follower.next())
          .hasValueSatisfying(record -> assertThat(record.time()).isAfterOrEqualTo(recoveredAt));
    }
    second.kill(id, Signal.KILL);

    ContainerExit exit = exits.take();
    assertThat(exit.containerId()).isEqualTo(id);
    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(second.monitor().awaitExit(id)).isEqualTo(exit);
    second.delete(id, false);
  }

  @Test
  void aContainerThatExitedUnwatched_isReportedWithItsExitCode() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", "exit 5"));
    first.create(id, bundle, Stdio.LOG_ONLY);
    first.start(id);
    first.close();

    second = fixture.open();
    int exitCode = second.monitor().awaitExit(id).exitCode();

    assertThat(exitCode).isEqualTo(5);
    assertThat(second.recover())
        .singleElement()
        .isInstanceOfSatisfying(
            RecoveredContainer.Exited.class,
            exited -> assertThat(exited.exit().exitCode()).isEqualTo(5));
    second.delete(id, false);
  }

  @Test
  void aContainerWhoseConmonDied_isReportedUnmonitored_andForceDeleteStopsIt() throws Exception {
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "sh", "-c", TICKER));
    first.create(id, bundle, Stdio.LOG_ONLY);
    first.start(id);
    first.close();
    ConmonProcess conmon = ConmonProcess.read(bundle).orElseThrow();
    conmon.kill();
    conmon.awaitGone(OciRuntime.KILL_TIMEOUT);

    second = fixture.open();
    assertThat(second.recover())
        .singleElement()
        .isInstanceOfSatisfying(
            RecoveredContainer.Unmonitored.class,
            unmonitored -> assertThat(unmonitored.status()).isEqualTo(ContainerStatus.RUNNING));
    second.delete(id, true);

    assertThat(second.state(id)).isEmpty();
    assertThat(fixture.cgroupDirectories()).isEmpty();
  }
}

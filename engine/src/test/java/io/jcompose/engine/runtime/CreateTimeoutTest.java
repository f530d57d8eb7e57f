package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A runtime whose {@code create} never returns, standing in for a hung runc: conmon never reports,
 * and the engine must give up, kill conmon and say so rather than wait forever.
 */
class CreateTimeoutTest {

  private RuntimeFixture fixture;
  private Path hangingRuntime;

  @BeforeEach
  void setUp() throws Exception {
    fixture = RuntimeFixture.create();
    hangingRuntime = fixture.directory.resolve("hanging-runc");
    Files.writeString(hangingRuntime, "#!/bin/sh\nwhile :; do sleep 1; done\n");
    Files.setPosixFilePermissions(hangingRuntime, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void tearDown() {
    fixture.killProcessesMentioning(hangingRuntime.toString());
    fixture.close();
    assertThat(fixture.leftovers()).isEmpty();
  }

  @Test
  void aCreateThatNeverReports_isGivenUp_andItsConmonKilled() throws Exception {
    RuntimeLayout real = fixture.layout;
    var layout =
        new RuntimeLayout(
            hangingRuntime,
            real.conmon(),
            real.stateRoot(),
            real.exitDirectory(),
            real.socketDirectory());
    String id = fixture.newId();
    var bundle = fixture.bundle(id, fixture.process(id, "true"));

    try (OciRuntime runtime = OciRuntime.open(layout, fixture.threads, Duration.ofMillis(500))) {
      assertThatThrownBy(() -> runtime.create(id, bundle, Stdio.LOG_ONLY))
          .isInstanceOf(EngineFault.Internal.class)
          .hasMessageContaining("did not report on " + id);
    }
    assertThat(fixture.conmonProcesses()).isEmpty();
  }
}

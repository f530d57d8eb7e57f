package io.jcompose.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures create (conmon + runc create) plus start from a warm JVM and prints the median; the
 * number is a note for humans, not an assertion.
 */
class CreateStartLatencyTest {

  private static final int WARM_UP = 3;
  private static final int SAMPLES = 20;

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
  void createPlusStart_median() throws Exception {
    var millis = new ArrayList<Double>();
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      String id = fixture.newId();
      var bundle = fixture.bundle(id, fixture.process(id, "sleep", "1000"));
      long started = System.nanoTime();
      runtime.create(id, bundle, Stdio.LOG_ONLY);
      runtime.start(id);
      long took = System.nanoTime() - started;
      assertThat(runtime.state(id).orElseThrow().status()).isEqualTo(ContainerStatus.RUNNING);
      if (i >= WARM_UP) {
        millis.add(took / 1e6);
      }
      runtime.remove(id, bundle);
    }
    List<Double> sorted = millis.stream().sorted().toList();
    double median = (sorted.get(SAMPLES / 2 - 1) + sorted.get(SAMPLES / 2)) / 2;
    System.out.printf(
        "create+start (conmon + runc create, runc start): median %.1f ms, min %.1f, max %.1f over %d%n",
        median, sorted.get(0), sorted.get(SAMPLES - 1), SAMPLES);
    assertThat(sorted).hasSize(SAMPLES);
  }
}

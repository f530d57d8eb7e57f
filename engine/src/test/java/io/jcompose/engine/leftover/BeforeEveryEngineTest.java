package io.jcompose.engine.leftover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs first (class order by {@code @Order}): notes what the host holds before any test. */
@Order(Integer.MIN_VALUE)
class BeforeEveryEngineTest {

  static volatile HostSnapshot baseline;

  @Test
  void recordWhatTheHostHoldsBeforeTheSuite() {
    baseline = HostSnapshot.take();

    assertThat(baseline.links()).contains("lo");
  }
}
